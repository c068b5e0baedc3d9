package com.autopilotmonster.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bootstrap admin manages accounts; deactivation ends a user's access at once. */
class UserAdminIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static String admin;
    private static String adminId;

    @BeforeAll
    static void signInAsBootstrapAdmin() {
        ServiceUnderTest.target(4002);
        ValidatableResponse login = Eventually.await("bootstrap admin exists", Duration.ofSeconds(30), () -> {
            ValidatableResponse r = post("/api/auth/login",
                    "{\"email\":\"admin@autopilot.local\",\"password\":\"local-admin-passphrase\"}");
            return r.extract().statusCode() == 200 ? r : null;
        });
        login.body("data.user.role", equalTo("admin"));
        admin = login.extract().path("data.accessToken");
        adminId = login.extract().path("data.user._id");
    }

    private static ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).post(path).then();
    }

    private static ValidatableResponse registered(String email) {
        return post("/api/auth/register", "{\"firstName\":\"Zed\",\"lastName\":\"Searchable\",\"email\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\"}").statusCode(201);
    }

    @Test
    void adminsListSearchAndPage() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            registered("find-" + tag + "-" + i + "@example.test");
        }
        given().auth().oauth2(admin).get("/api/auth/users?q=FIND-" + tag + "&limit=2").then().statusCode(200)
                .body("data.users.size()", equalTo(2)).body("data.pagination.total", equalTo(3))
                .body("data.pagination.pages", equalTo(2)).body("data.users.userId", everyItem(notNullValue()))
                .body("data.pagination.hasNextPage", equalTo(true)).body("data.users.email", everyItem(containsString(tag)));
        given().auth().oauth2(admin).get("/api/auth/users?role=admin").then().statusCode(200)
                .body("data.users.role", everyItem(equalTo("admin"))).body("data.pagination.total", greaterThanOrEqualTo(1));
        // search input is text, never a pattern or an operator
        for (String hostile : new String[] {"(a+)+$", ".*", "{\"$where\":\"sleep(1000)\"}", "[", "\\"}) {
            given().auth().oauth2(admin).queryParam("q", hostile).get("/api/auth/users").then().statusCode(200)
                    .body("data.pagination.total", equalTo(0));
        }
        given().auth().oauth2(admin).get("/api/auth/users?limit=500").then().statusCode(400);
        given().auth().oauth2(admin).get("/api/auth/users?role=root").then().statusCode(400);
    }

    @Test
    void onlyAdminsManageAccounts() {
        String user = registered("plain-" + UUID.randomUUID() + "@example.test").extract().path("data.accessToken");
        given().auth().oauth2(user).get("/api/auth/users").then().statusCode(403);
        given().get("/api/auth/users").then().statusCode(401);
        given().auth().oauth2(admin).get("/api/auth/users/000000000000000000000000").then().statusCode(404);
        given().auth().oauth2(admin).get("/api/auth/users/not-an-id").then().statusCode(404);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"isActive\":false}")
                .put("/api/auth/users/" + adminId).then().statusCode(409);
    }

    /** A role change voids the tokens that carry the old role at once (the user's valid-after instant). */
    @Test
    void aRoleChangeEndsTheTokensCarryingTheOldRole() {
        String email = "role-" + UUID.randomUUID() + "@example.test";
        ValidatableResponse session = registered(email);
        String before = session.extract().path("data.accessToken");
        String id = session.extract().path("data.user._id");
        given().auth().oauth2(before).get("/api/auth/profile").then().statusCode(200);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"role\":\"vendor\"}")
                .put("/api/auth/users/" + id).then().statusCode(200).body("data.role", equalTo("vendor"));
        given().auth().oauth2(before).get("/api/auth/profile").then().statusCode(401)
                .contentType(containsString("application/problem+json")).body("type", containsString("token-stale"))
                .header("WWW-Authenticate", containsString("invalid_token"));
        // signing in again, even within the same second, gives a token with the new role that works
        String after = post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .statusCode(200).body("data.user.role", equalTo("vendor")).extract().path("data.accessToken");
        given().auth().oauth2(after).get("/api/auth/profile").then().statusCode(200).body("data.role", equalTo("vendor"));
    }

    /**
     * Two admins change different fields of the same accounts at the same moment: both changes stay (each request
     * writes only its own field; a whole-document write would put back the field the other one just changed).
     */
    @Test
    void concurrentChangesOfDifferentFieldsBothStay() throws Exception {
        int accounts = 8;
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            ids.add(registered("race-" + UUID.randomUUID() + "@example.test").extract().path("data.user._id"));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2 * accounts);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String id : ids) {
                for (String body : new String[] {"{\"role\":\"vendor\"}", "{\"isEmailVerified\":true}"}) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                                .put("/api/auth/users/" + id).statusCode();
                    }));
                }
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                org.junit.jupiter.api.Assertions.assertEquals(200, answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            given().auth().oauth2(admin).get("/api/auth/users/" + id).then().statusCode(200)
                    .body("data.role", equalTo("vendor")).body("data.isEmailVerified", equalTo(true))
                    .body("data.isActive", equalTo(true));
        }
    }

    @Test
    void deactivationEndsAccessEverywhereAndReactivationRestoresIt() {
        String email = "deact-" + UUID.randomUUID() + "@example.test";
        ValidatableResponse session = registered(email);
        String access = session.extract().path("data.accessToken");
        String refresh = session.extract().path("data.refreshToken");
        String id = session.extract().path("data.user._id");

        given().auth().oauth2(admin).delete("/api/auth/users/" + id).then().statusCode(200)
                .body("data.isActive", equalTo(false));
        given().auth().oauth2(access).get("/api/auth/profile").then().statusCode(401)
                .body("type", containsString("account-inactive"));
        post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}").statusCode(401);
        post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").statusCode(403);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"isActive\":true,\"role\":\"vendor\"}")
                .put("/api/auth/users/" + id).then().statusCode(200).body("data.role", equalTo("vendor"));
        post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").statusCode(200)
                .body("data.user.role", equalTo("vendor"));
        given().auth().oauth2(admin).get("/api/auth/users?isActive=false").then().statusCode(200)
                .body("data.users._id", org.hamcrest.Matchers.not(hasItem(id)));
    }
}
