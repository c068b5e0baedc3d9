package com.autopilotmonster.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Repeated failures slow down an account and an address, identically for existing and unknown accounts. */
class LoginThrottleIT {

    private static final String PASSWORD = "correct horse battery staple";

    @BeforeAll
    static void target() {
        ServiceUnderTest.target(4002);
    }

    private static Response login(String email, String password, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").post("/api/auth/login");
    }

    private static String address() {
        return "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @Test
    void anAccountIsSlowedAfterRepeatedFailuresButNotLockedForLong() {
        String email = "t-" + UUID.randomUUID() + "@example.test";
        given().contentType(ContentType.JSON).body("{\"firstName\":\"T\",\"lastName\":\"T\",\"email\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\"}").post("/api/auth/register").then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(email, "wrong password " + i, address()).statusCode());
        }
        Response throttled = login(email, PASSWORD, address());
        assertEquals(429, throttled.statusCode());
        throttled.then().contentType(containsString("application/problem+json")).header("Retry-After", notNullValue());
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "bounded wait: " + retryAfter);
        Eventually.await("account usable again", Duration.ofSeconds(retryAfter + 5),
                () -> login(email, PASSWORD, address()).statusCode() == 200);
    }

    /**
     * Twenty wrong passwords for one account sent at the same moment: each attempt is counted before its password
     * is hashed, so no more than the five free ones get an answer about the password (401); the rest wait (429).
     * The account's first wait is 2 s, then 4, 8 ...: on a slow machine a guess that reaches the server after a wait
     * has run out is rightly checked, so the bound grows by one for each wait that fits in the burst's duration.
     */
    @Test
    void parallelGuessesCannotExceedTheFreeAttempts() throws Exception {
        String email = "p-" + UUID.randomUUID() + "@example.test";
        given().contentType(ContentType.JSON).body("{\"firstName\":\"P\",\"lastName\":\"P\",\"email\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\"}").post("/api/auth/register").then().statusCode(201);
        int guesses = 20;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(guesses);
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        long started;
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "parallel guess " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return login(email, guess, address()).statusCode();
                }));
            }
            started = System.nanoTime();
            start.countDown();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        double burstSeconds = (System.nanoTime() - started) / 1e9;
        long checked = statuses.stream().filter(s -> s == 401).count();
        assertEquals(guesses, checked + statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        int allowed = 5 + waitsThatFitIn(burstSeconds);
        assertTrue(checked >= 1 && checked <= allowed,
                "password checks: " + checked + " (allowed " + allowed + " in " + burstSeconds + " s) " + statuses);
    }

    /** How many of the account's successive waits (2 s, 4 s, 8 s ... up to 60 s) can have run out within the given time. */
    private static int waitsThatFitIn(double seconds) {
        int waits = 0;
        double elapsed = 0;
        for (long wait = 2; elapsed + wait <= seconds; wait = Math.min(60, wait * 2)) {
            elapsed += wait;
            waits++;
        }
        return waits;
    }

    @Test
    void unknownAccountsAreThrottledExactlyLikeRealOnes() {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.test";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(unknown, "guess " + i, address()).statusCode());
        }
        Response throttled = login(unknown, "guess", address());
        assertEquals(429, throttled.statusCode());
        assertEquals("Too many failed sign-in attempts; try again later", throttled.path("message"));
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowed() {
        String address = address();
        int status = 0;
        for (int i = 0; i < 31 && status != 429; i++) {
            status = login("spray-" + i + "-" + UUID.randomUUID() + "@example.test", "guess", address).statusCode();
        }
        assertEquals(429, status);
        assertEquals(429, login("fresh-" + UUID.randomUUID() + "@example.test", "guess", address).statusCode());
        assertTrue(login("fresh-" + UUID.randomUUID() + "@example.test", "guess", address()).statusCode() == 401);
    }
}
