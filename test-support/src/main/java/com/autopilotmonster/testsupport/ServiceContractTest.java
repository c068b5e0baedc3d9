package com.autopilotmonster.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.testcontainers.ApplicationContainer;
import org.testcontainers.junit.jupiter.Container;

/**
 * What every service's Liberty server must do, whatever its domain: health probes, OpenAPI, problem+json
 * for errors, request ids, no server banners, token verification. A service's IT extends this class and
 * runs against its real server (MicroShed Testing in manual mode: the build starts the server).
 */
@MicroShedTest
public abstract class ServiceContractTest {

    @Container
    public static ApplicationContainer app = new ApplicationContainer().withReadinessPath("/health/ready");

    @BeforeAll
    static void waitUntilReady() {
        ServiceUnderTest.target(Integer.getInteger("microshed_http_port", 9080));
    }

    @Test
    void probesAreUp() {
        given().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesOpenApi() {
        given().accept("application/json").get("/openapi").then().statusCode(200)
                .body("openapi", notNullValue());
    }

    @Test
    void unknownPathIsProblemJson() {
        given().get("/api/no-such-thing-here").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404)).body("success", equalTo(false)).body("message", notNullValue());
    }

    @Test
    void requestIdIsEchoedOrCreated() {
        given().header("X-Request-Id", "contract-test-123").get("/api/no-such-thing-here").then()
                .header("X-Request-Id", "contract-test-123").body("requestId", equalTo("contract-test-123"));
        given().get("/api/no-such-thing-here").then().header("X-Request-Id", notNullValue());
        given().header("X-Request-Id", "bad id\r\nInjected: yes").get("/api/no-such-thing-here").then()
                .header("X-Request-Id", not(containsString("Injected"))).header("Injected", nullValue());
    }

    @Test
    void noServerBanners() {
        given().get("/api/no-such-thing-here").then().header("X-Powered-By", nullValue()).header("Server", nullValue())
                .header("X-Content-Type-Options", "nosniff");
    }
}
