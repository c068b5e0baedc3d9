package com.autopilotmonster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.autopilotmonster.testsupport.LoopbackBudget;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * Bad bearer tokens are refused at the edge (401 problem+json) before they reach a service: the marketplace
 * upstream here echoes every request it gets, so an echo means the token got through.
 */
class EdgeTokenIT {

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
    void aValidTokenAndNoTokenPassThrough() {
        given().auth().oauth2(TestTokens.user("edge-" + UUID.randomUUID())).get("/api/marketplace/products").then()
                .statusCode(200).body("service", equalTo("marketplace"));
        given().get("/api/marketplace/products").then().statusCode(200).body("service", equalTo("marketplace"));
    }

    @Test
    void aGenuineButExpiredTokenIsLeftToTheService() {
        // clients send their stale access token along with the refresh call and with public reads, which the
        // services answer (protected endpoints refuse it themselves)
        given().auth().oauth2(TestTokens.expired("edge-" + UUID.randomUUID())).get("/api/marketplace/products")
                .then().statusCode(200).body("service", equalTo("marketplace"));
    }

    @Test
    void everyForgedOrForeignTokenIsRefusedAtTheEdge() {
        String user = "edge-" + UUID.randomUUID();
        Map<String, String> bad = Map.of(
                "wrong issuer", TestTokens.wrongIssuer(user),
                "wrong audience", TestTokens.wrongAudience(user),
                "unsigned (alg none)", TestTokens.unsignedAdmin(user),
                "HS256 signed with the public key", TestTokens.hs256WithPublicKey(user),
                "tampered payload", TestTokens.tampered(user),
                "garbage", "not-a-jwt",
                "injection", "x\"}]};{$where:1}");
        bad.forEach((kind, token) -> given().header("Authorization", "Bearer " + token)
                .get("/api/marketplace/products").then().statusCode(401)
                .contentType(containsString("application/problem+json"))
                .header("WWW-Authenticate", containsString("invalid_token"))
                .header("RateLimit-Limit", notNullValue())
                .body("status", equalTo(401)).body("service", nullValue()));
        given().auth().oauth2(TestTokens.tampered(user)).get("/api/marketplace/products").then()
                .body("type", containsString("invalid-token"));
    }

    @Test
    void aRevokedTokenOrADeactivatedUserIsRefusedAtTheEdge() throws Exception {
        String user = "edge-" + UUID.randomUUID();
        String revoked = TestTokens.user(user);
        String jti = claim(revoked, "jti");
        String deactivated = "edge-" + UUID.randomUUID();
        String ofDeactivated = TestTokens.user(deactivated);
        try (JedisPooled redis = new JedisPooled("127.0.0.1", 6379)) {
            // what auth writes at logout and at deactivation (common-ejb TokenStatus)
            redis.setex("auth:revoked-jti:" + jti, 120, "1");
            redis.setex("auth:inactive-user:" + deactivated, 120, "1");
            given().auth().oauth2(revoked).get("/api/marketplace/products").then().statusCode(401)
                    .contentType(containsString("application/problem+json"))
                    .body("type", containsString("token-revoked")).body("service", nullValue());
            given().auth().oauth2(ofDeactivated).get("/api/marketplace/products").then().statusCode(401)
                    .body("type", containsString("account-inactive")).body("service", nullValue());
            // the same user's other, not revoked token still works
            given().auth().oauth2(TestTokens.user(user)).get("/api/marketplace/products").then().statusCode(200);
            // issued before the user's role or password changed (auth writes the first second that counts again)
            String stale = TestTokens.user(user);
            long issuedAt = Long.parseLong(new String(Base64.getUrlDecoder().decode(stale.split("\\.")[1]))
                    .replaceFirst("(?s).*\"iat\":(\\d+).*", "$1"));
            redis.setex("auth:valid-after:" + user, 120, Long.toString(issuedAt + 1));
            given().auth().oauth2(stale).get("/api/marketplace/products").then().statusCode(401)
                    .body("type", containsString("token-stale")).body("service", nullValue());
            redis.setex("auth:valid-after:" + user, 120, Long.toString(issuedAt));
            given().auth().oauth2(stale).get("/api/marketplace/products").then().statusCode(200);
            redis.del("auth:valid-after:" + user);
        }
    }

    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(payload);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + payload);
        }
        return m.group(1);
    }
}
