package com.autopilotmonster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two gateway instances (4000 and 4100) share their counters in Redis: the limit holds exactly across both. */
class RateLimitIT {

    private static final StubUpstream CONTENT = new StubUpstream("content", 4008);
    private static final int SECOND = 4100;

    @BeforeAll
    static void start() throws Exception {
        CONTENT.start();
        ServiceUnderTest.target(4000);
        Eventually.await("second gateway ready", Duration.ofSeconds(90),
                () -> given().port(SECOND).get("/health/ready").statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        CONTENT.stop();
    }

    private static Response call(int port, String clientAddress) {
        return given().port(port).header("X-Forwarded-For", clientAddress).get("/api/content/blog");
    }

    private static String freshAddress() {
        return "198.51.100." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void theLimitIsExactAcrossTwoInstancesUnderConcurrency() throws Exception {
        String client = freshAddress();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            int port = i % 2 == 0 ? 4000 : SECOND;
            results.add(pool.submit(() -> call(port, client).statusCode()));
        }
        int ok = 0;
        int limited = 0;
        for (Future<Integer> result : results) {
            int status = result.get();
            if (status == 200) {
                ok++;
            } else if (status == 429) {
                limited++;
            }
        }
        pool.shutdown();
        assertEquals(100, ok, "exactly the limit passes");
        assertEquals(30, limited);
        call(SECOND, client).then().statusCode(429).header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", "0").contentType(containsString("application/problem+json"));
    }

    @Test
    void everyAnswerCarriesTheLimitHeaders() {
        String client = freshAddress();
        call(4000, client).then().statusCode(200).header("RateLimit-Limit", "100").header("RateLimit-Remaining", "99")
                .header("X-RateLimit-Limit", "100").header("X-RateLimit-Remaining", "99")
                .header("RateLimit-Reset", notNullValue());
        call(SECOND, client).then().header("RateLimit-Remaining", "98");
    }

    @Test
    void aSignedInUserIsCountedAsOneClientFromAnyAddress() {
        String token = TestTokens.user("rl-" + UUID.randomUUID());
        given().auth().oauth2(token).header("X-Forwarded-For", freshAddress()).get("/api/content/a").then()
                .header("RateLimit-Remaining", "99");
        given().port(SECOND).auth().oauth2(token).header("X-Forwarded-For", freshAddress()).get("/api/content/b")
                .then().header("RateLimit-Remaining", "98");
        // a forged token does not buy a fresh budget: it is counted by address
        String address = freshAddress();
        given().auth().oauth2(TestTokens.hs256WithPublicKey("someone")).header("X-Forwarded-For", address)
                .get("/api/content/c").then().header("RateLimit-Remaining", "99");
        call(4000, address).then().header("RateLimit-Remaining", "98");
    }

    @Test
    void sensitiveEndpointsHaveTighterLimits() {
        String address = freshAddress();
        Response first = given().header("X-Forwarded-For", address).contentType("application/json").body("{}")
                .post("/api/auth/forgot-password");
        assertEquals("5", first.header("RateLimit-Limit"));
        assertTrue(first.statusCode() != 429);
    }
}
