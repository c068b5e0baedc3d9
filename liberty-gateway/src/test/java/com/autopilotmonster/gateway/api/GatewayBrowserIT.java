package com.autopilotmonster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.autopilotmonster.testsupport.LoopbackBudget;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CORS for the allowed web origin only, and the browser security headers on every answer. */
class GatewayBrowserIT {

    private static final StubUpstream MARKETPLACE = new StubUpstream("marketplace", 4003);

    @BeforeAll
    static void start() throws Exception {
        MARKETPLACE.start();
        LoopbackBudget.reset();
        ServiceUnderTest.target(4000);
    }

    @AfterAll
    static void stop() {
        MARKETPLACE.stop();
    }

    @Test
    void preflightFromTheAllowedOriginIsAnswered() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .options("/api/marketplace/products").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Credentials", "true")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "http://localhost:3000").get("/api/marketplace/products").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void otherOriginsGetNoCorsGrant() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/marketplace/products").then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
        given().header("Origin", "https://evil.example").get("/api/marketplace/products").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void securityHeadersOnEveryAnswer() {
        for (String path : new String[] {"/api/marketplace/products", "/api/no-route", "/gateway/nothing"}) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Cross-Origin-Opener-Policy", equalTo("same-origin"))
                    .header("Cross-Origin-Resource-Policy", equalTo("same-origin"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("Strict-Transport-Security", nullValue())
                    .header("X-Powered-By", nullValue()).header("Server", nullValue());
        }
    }
}
