package com.autopilotmonster.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.MailCatcher;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mails really sent over SMTP (read back from the mail catcher), and their single-use links. */
class AuthMailIT {

    private static final String PASSWORD = "correct horse battery staple";

    @BeforeAll
    static void target() {
        ServiceUnderTest.target(4002);
    }

    private static ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/auth" + path).then();
    }

    private static String register(String email) {
        return post("/register", "{\"firstName\":\"Mia\",\"lastName\":\"Mail\",\"email\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\"}").statusCode(201).extract().path("data.accessToken");
    }

    /** The path part of the mailed link (the link points at the gateway; the test talks to auth directly). */
    private static String pathOf(String link) {
        return link.replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void verificationLinkWorksOnceAndUnknownLinksAreRefused() {
        String email = "v-" + UUID.randomUUID() + "@example.test";
        String access = register(email);
        MailCatcher.Mail mail = MailCatcher.awaitMail(email, Duration.ofSeconds(30));
        assertTrue(mail.subject().contains("Verify"), mail.subject());
        String link = mail.firstLink();
        assertTrue(link.contains("/api/auth/verify/"), link);

        given().get(pathOf(link)).then().statusCode(200).body("data.isEmailVerified", equalTo(true));
        given().get(pathOf(link)).then().statusCode(410).contentType(containsString("application/problem+json"));
        given().get("/api/auth/verify/not-a-real-token").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        given().auth().oauth2(access).get("/api/auth/profile").then().body("data.isEmailVerified", equalTo(true));
    }

    @Test
    void expiredLinksAreGone() throws Exception {
        String token = "expired-" + UUID.randomUUID();
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:27017")) {
            client.getDatabase("auth_db").getCollection("email_tokens").insertOne(new org.bson.Document("_id", hash)
                    .append("userId", new org.bson.types.ObjectId().toHexString()).append("purpose", "VERIFY_EMAIL")
                    .append("createdAt", new java.util.Date(System.currentTimeMillis() - 3 * 86_400_000L))
                    .append("expiresAt", new java.util.Date(System.currentTimeMillis() - 86_400_000L))
                    .append("usedAt", null));
        }
        given().get("/api/auth/verify/" + token).then().statusCode(410)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void forgotPasswordAnswersTheSameAndTheResetLinkWorksOnce() {
        String email = "r-" + UUID.randomUUID() + "@example.test";
        register(email);
        String refresh = post("/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .statusCode(200).extract().path("data.refreshToken");

        String known = post("/forgot-password", "{\"email\":\"" + email + "\"}").statusCode(202)
                // the message where every client reads messages: the envelope's top level
                .body("success", org.hamcrest.Matchers.equalTo(true))
                .body("message", org.hamcrest.Matchers.equalTo("If an account exists for this address, a reset link has been sent"))
                .extract().asString();
        String unknown = post("/forgot-password", "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.test\"}")
                .statusCode(202).extract().asString();
        assertEquals(known.replaceAll("\"timestamp\":\"[^\"]+\"", ""), unknown.replaceAll("\"timestamp\":\"[^\"]+\"", ""));

        MailCatcher.Mail reset = Eventually.await("reset mail", Duration.ofSeconds(30),
                () -> MailCatcher.inbox(email).stream().filter(m -> m.subject().contains("Reset")).findFirst()
                        .orElse(null));
        String token = reset.firstLink().replaceFirst(".*token=", "");
        // a second reset link asked for meanwhile: the successful reset below voids it too
        post("/forgot-password", "{\"email\":\"" + email + "\"}").statusCode(202);
        String other = Eventually.await("second reset mail", Duration.ofSeconds(30),
                () -> MailCatcher.inbox(email).stream().filter(m -> m.subject().contains("Reset"))
                        .map(m -> m.firstLink().replaceFirst(".*token=", "")).filter(t -> !t.equals(token))
                        .findFirst().orElse(null));
        String access = post("/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .statusCode(200).extract().path("data.accessToken");
        given().auth().oauth2(access).get("/api/auth/profile").then().statusCode(200);

        post("/reset-password", "{\"token\":\"" + token + "\",\"newPassword\":\"password\"}").statusCode(400);
        post("/reset-password", "{\"token\":\"" + token + "\"}").statusCode(400).contentType("application/problem+json");
        // the original client's field name; "password" stays accepted as an alias (below)
        post("/reset-password", "{\"token\":\"" + token + "\",\"newPassword\":\"a brand new passphrase\"}").statusCode(200);
        post("/reset-password", "{\"token\":\"" + token + "\",\"password\":\"another new passphrase\"}").statusCode(400);
        post("/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").statusCode(401);
        post("/login", "{\"email\":\"" + email + "\",\"password\":\"a brand new passphrase\"}").statusCode(200);
        // every session from before the reset is signed out: refresh tokens, and access tokens at once (valid-after)
        post("/refresh", "{\"refreshToken\":\"" + refresh + "\"}").statusCode(401);
        given().auth().oauth2(access).get("/api/auth/profile").then().statusCode(401)
                .contentType(containsString("application/problem+json")).body("type", containsString("token-stale"));
        // the other outstanding link died with the successful reset
        post("/reset-password", "{\"token\":\"" + other + "\",\"newPassword\":\"an attacker's passphrase\"}")
                .statusCode(400);
        post("/login", "{\"email\":\"" + email + "\",\"password\":\"a brand new passphrase\"}").statusCode(200);
    }
}
