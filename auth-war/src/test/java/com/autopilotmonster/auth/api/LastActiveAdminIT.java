package com.autopilotmonster.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The last active admin stays: two admins demoting (or deactivating) each other at the same moment never leave the
 * platform without one. The store may hold admins left by other suites; they are demoted for the race and given
 * their role back afterwards, so the two racers are the only active admins.
 */
class LastActiveAdminIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final int ROUNDS = 12;

    private static ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).post(path).then();
    }

    private static Response put(String token, String id, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).put("/api/auth/users/" + id);
    }

    private static String login(String email, String password) {
        return post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .statusCode(200).body("data.user.role", equalTo("admin")).extract().path("data.accessToken");
    }

    private static List<String> activeAdmins(String token) {
        return given().auth().oauth2(token).get("/api/auth/users?role=admin&isActive=true&limit=100").then()
                .statusCode(200).extract().path("data.users._id");
    }

    @Test
    void crossDemotionsAtTheSameMomentLeaveOneActiveAdmin() throws Exception {
        ServiceUnderTest.target(4002);
        String first = Eventually.await("bootstrap admin exists", Duration.ofSeconds(30), () -> {
            Response r = given().contentType(ContentType.JSON)
                    .body("{\"email\":\"admin@autopilot.local\",\"password\":\"local-admin-passphrase\"}")
                    .post("/api/auth/login");
            return r.statusCode() == 200 ? r.path("data.accessToken").toString() : null;
        });
        String firstId = post("/api/auth/login",
                "{\"email\":\"admin@autopilot.local\",\"password\":\"local-admin-passphrase\"}")
                .statusCode(200).extract().path("data.user._id");

        String email = "second-admin-" + UUID.randomUUID() + "@example.test";
        String secondId = post("/api/auth/register", "{\"firstName\":\"Second\",\"lastName\":\"Admin\",\"email\":\""
                + email + "\",\"password\":\"" + PASSWORD + "\"}").statusCode(201).extract().path("data.user._id");
        put(first, secondId, "{\"role\":\"admin\"}").then().statusCode(200);

        List<String> others = new ArrayList<>(activeAdmins(first));
        others.remove(firstId);
        others.remove(secondId);
        for (String other : others) {
            put(first, other, "{\"role\":\"user\"}").then().statusCode(200);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String change = round % 2 == 0 ? "{\"role\":\"user\"}" : "{\"isActive\":false}";
                String a = login("admin@autopilot.local", "local-admin-passphrase");
                String b = login(email, PASSWORD);
                assertEquals(2, activeAdmins(a).size(), "the two racers are the only active admins");

                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Response> aDemotesB = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return put(a, secondId, change);
                }, pool);
                CompletableFuture<Response> bDemotesA = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return put(b, firstId, change);
                }, pool);
                start.countDown();
                Response ra = aDemotesB.get(30, TimeUnit.SECONDS);
                Response rb = bDemotesA.get(30, TimeUnit.SECONDS);

                List<String> left = activeAdmins(ra.statusCode() == 200 ? a : b);
                assertEquals(1, left.size(), "round " + round + ": " + ra.statusCode() + "/" + rb.statusCode()
                        + " left active admins " + left);
                Response winner = ra.statusCode() == 200 ? ra : rb;
                Response loser = winner == ra ? rb : ra;
                assertEquals(200, winner.statusCode(), "round " + round + " winner: " + winner.asString());
                assertTrue(loser.contentType().startsWith("application/problem+json"), loser.contentType());
                // the loser either lost inside the lock (409), or arrived after the winner's change had already
                // taken effect on its own account: its token is refused as deactivated (401) or its admin role is
                // gone (403) - every service checks the account's status on each request
                if (loser.statusCode() == 409) {
                    assertTrue(loser.asString().contains("last active admin"), loser.asString());
                } else {
                    assertTrue(loser.statusCode() == 401 || loser.statusCode() == 403,
                            "round " + round + " loser: " + loser.statusCode() + " " + loser.asString());
                }

                // the winner gives the loser the role back for the next round
                String survivorToken = winner == ra ? a : b;
                String demotedId = winner == ra ? secondId : firstId;
                put(survivorToken, demotedId, "{\"role\":\"admin\",\"isActive\":true}").then().statusCode(200);
            }
        } finally {
            pool.shutdownNow();
            String a = login("admin@autopilot.local", "local-admin-passphrase");
            put(a, secondId, "{\"role\":\"user\"}").then().statusCode(200);
            for (String other : others) {
                put(a, other, "{\"role\":\"admin\"}").then().statusCode(200);
            }
        }
        assertTrue(activeAdmins(login("admin@autopilot.local", "local-admin-passphrase")).contains(firstId));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
