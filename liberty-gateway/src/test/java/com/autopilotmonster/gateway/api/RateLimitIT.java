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

    private static java.net.http.HttpResponse<String> rawPost(String rawPath, String address) throws Exception {
        // java.net.http sends the path exactly as written (RestAssured would re-encode it)
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:4000" + rawPath)).header("X-Forwarded-For", address)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static long remaining(java.net.http.HttpResponse<String> answer) {
        return Long.parseLong(answer.headers().firstValue("RateLimit-Remaining").orElseThrow());
    }

    @Test
    void strictRulesCountTheAddressWhateverTokenIsSent() {
        // anybody can register accounts and sign in: a valid token must not buy a fresh login budget
        String address = freshAddress();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.user("rl-strict-" + UUID.randomUUID())).header("X-Forwarded-For", address)
                    .contentType("application/json").body("{}").post("/api/auth/login").then()
                    .header("RateLimit-Limit", "20").header("RateLimit-Remaining", Integer.toString(19 - i));
        }
    }

    @Test
    void everySpellingOfLoginCountsAgainstTheLoginRule() throws Exception {
        String address = freshAddress();
        String[] spellings = {"/api/auth/LOGIN/", "/api/auth/login;x=1", "/api/auth/%6cogin", "//api/auth/./login"};
        for (int i = 0; i < spellings.length; i++) {
            var answer = rawPost(spellings[i], address);
            assertEquals("20", answer.headers().firstValue("RateLimit-Limit").orElse(null), spellings[i]);
            assertEquals(19 - i, remaining(answer), spellings[i]);
        }
    }

    @Test
    void webhooksHaveOneSharedBudgetOfTheirOwn() throws Exception {
        String address = freshAddress();
        call(4000, address).then().header("RateLimit-Remaining", "99");
        var first = rawPost("/api/orders/webhooks/stripe", address);
        assertEquals("3000", first.headers().firstValue("RateLimit-Limit").orElse(null));
        // another address draws on the same budget: providers send from many addresses
        long next = remaining(rawPost("/api/orders/webhooks/razorpay", freshAddress()));
        assertTrue(next == remaining(first) - 1 || next == 2999, "shared counter: " + remaining(first) + " then " + next);
        // and the webhook calls did not touch the address's own budget
        call(4000, address).then().header("RateLimit-Remaining", "98");
    }
}
