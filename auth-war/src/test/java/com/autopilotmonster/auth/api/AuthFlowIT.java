package com.autopilotmonster.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registration, login, refresh rotation, logout and profile against the real auth server and its store. */
class AuthFlowIT {

    private static final String PASSWORD = "correct horse battery staple";

    @BeforeAll
    static void target() {
        ServiceUnderTest.target(4002);
    }

    private static String email() {
        return "u-" + UUID.randomUUID() + "@example.test";
    }

    private static ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/auth" + path).then();
    }

    private static ValidatableResponse register(String email, String password) {
        return post("/register", "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"" + email
                + "\",\"password\":\"" + password + "\"}");
    }

    private static ValidatableResponse login(String email, String password) {
        return post("/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static void problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(containsString("application/problem+json"))
                .body("success", equalTo(false)).body("message", notNullValue());
    }

    @Test
    void registerAnswersUserAndTokensAndPublishesTheEvent() {
        String email = email();
        String userId = post("/register", "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"  "
                + email.toUpperCase() + " \",\"password\":\"" + PASSWORD
                + "\",\"role\":\"user\",\"isEmailVerified\":true,\"isActive\":true,\"_id\":\"x\"}")
                .statusCode(201).body("success", equalTo(true))
                .body("data.user.email", equalTo(email)).body("data.user.role", equalTo("user"))
                .body("data.user.isEmailVerified", equalTo(false)).body("data.user.isActive", equalTo(true))
                .body("data.user", not(hasKey("password"))).body("data.accessToken", notNullValue())
                .body("data.refreshToken", notNullValue()).body(not(containsString("$2")))
                // the aliases the original web client's shipped pages read
                .body("data.user.name", equalTo("Ada Lovelace"))
                .extract().path("data.user._id");
        assertTrue(ObjectId.isValid(userId));
        io.restassured.path.json.JsonPath session = login(email, PASSWORD).statusCode(200).extract().jsonPath();
        assertEquals(userId, session.getString("data.user.id"));
        assertEquals(userId, session.getString("data.user.userId"));
        assertEquals(session.getString("data.accessToken"), session.getString("data.access_token"));
        // the display name travels in the token, for review authors and vendor names elsewhere
        String claims = new String(java.util.Base64.getUrlDecoder().decode(session.getString("data.accessToken").split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"name\":\"Ada Lovelace\""), claims);

        KafkaTopicReader.Event event = KafkaTopicReader.awaitRecord("user.registered", Duration.ofSeconds(30),
                e -> e.value().contains(userId));
        assertTrue(event.value().contains("\"email\":\"" + email + "\""), event.value());
        assertTrue(event.value().contains("\"firstName\":\"Ada\"") && event.value().contains("\"timestamp\""));
        // the user service's profile and the admin read model want these too
        assertTrue(event.value().contains("\"lastName\":\"Lovelace\"") && event.value().contains("\"role\":\"user\""),
                event.value());
        assertEquals("user.registered", event.headers().get("ce_type"));
        assertEquals("/auth", event.headers().get("ce_source"));
        assertTrue(event.headers().get("ce_id") != null && event.headers().get("ce_time") != null);
    }

    @Test
    void registrationRefusals() {
        String email = email();
        register(email, PASSWORD).statusCode(201);
        problem(register(email, "another fine passphrase"), 409);
        problem(register("not-an-email", PASSWORD), 400);
        problem(register(email(), "short"), 400);
        problem(register(email(), "password123"), 400);
        problem(register(email(), "x".repeat(200)), 400);
        problem(post("/register", "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"" + email()
                + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"admin\"}"), 400);
        post("/register", "{\"firstName\":\"V\",\"lastName\":\"B\",\"email\":\"" + email()
                + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"vendor\"}").statusCode(201)
                .body("data.user.role", equalTo("vendor"));
    }

    @Test
    void loginAnswersTheSameForUnknownEmailAndWrongPassword() {
        String email = email();
        register(email, PASSWORD).statusCode(201);
        login(email.toUpperCase(), PASSWORD).statusCode(200).body("data.user.email", equalTo(email))
                .body("data.accessToken", notNullValue());
        String wrongPassword = login(email, "not the password at all").statusCode(401).extract().path("message");
        String unknown = login(email(), "not the password at all").statusCode(401).extract().path("message");
        assertEquals(wrongPassword, unknown);
        KafkaTopicReader.awaitRecord("user.logged-in", Duration.ofSeconds(30),
                e -> e.value().contains("\"email\":\"" + email + "\""));
    }

    @Test
    void noSqlOperatorsInTheBodyAreRefused() {
        problem(post("/login", "{\"email\":{\"$ne\":null},\"password\":{\"$ne\":null}}"), 400);
        problem(post("/login", "{\"email\":\"a@b.test\",\"password\":{\"$gt\":\"\"}}"), 400);
        problem(post("/register", "{\"firstName\":{\"$ne\":1},\"lastName\":\"B\",\"email\":\"a@b.test\",\"password\":\"x\"}"), 400);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        String email = email();
        String first = register(email, PASSWORD).statusCode(201).extract().path("data.refreshToken");
        String second = post("/refresh", "{\"refreshToken\":\"" + first + "\"}").statusCode(200)
                .body("data.accessToken", notNullValue()).extract().path("data.refreshToken");
        assertNotEquals(first, second);
        problem(post("/refresh", "{\"refreshToken\":\"" + first + "\"}"), 401);
        // the reuse of `first` was theft detection: `second` (same family) is dead too
        problem(post("/refresh", "{\"refreshToken\":\"" + second + "\"}"), 401);
        problem(post("/refresh", "{\"refreshToken\":\"made-up\"}"), 401);
    }

    /** ASVS 3.3: a sign-in lives at most auth.jwt.refresh-max-lifetime (30 days), however often it is rotated. */
    @Test
    void aRefreshFamilyEndsAtItsAbsoluteLifetime() throws Exception {
        String first = register(email(), PASSWORD).statusCode(201).extract().path("data.refreshToken");
        String second = post("/refresh", "{\"refreshToken\":\"" + first + "\"}").statusCode(200)
                .extract().path("data.refreshToken");
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(second.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:27017")) {
            org.bson.Document stored = client.getDatabase("auth_db").getCollection("refresh_tokens")
                    .find(new org.bson.Document("_id", hash)).first();
            java.time.Instant familyEnds = stored.getDate("familyExpiresAt").toInstant();
            java.time.Instant created = stored.getDate("createdAt").toInstant();
            // rotation carried the family's end over (30 days from the sign-in, not from this rotation)
            assertTrue(familyEnds.isBefore(created.plus(java.time.Duration.ofDays(30))), "family end " + familyEnds);
            assertTrue(familyEnds.isAfter(created.plus(java.time.Duration.ofDays(29))), "family end " + familyEnds);
            // the sign-in is 30 days old now: the next refresh is refused although the token itself is fresh
            client.getDatabase("auth_db").getCollection("refresh_tokens").updateOne(
                    new org.bson.Document("_id", hash), new org.bson.Document("$set",
                            new org.bson.Document("familyExpiresAt", java.util.Date.from(java.time.Instant.now().minusSeconds(1)))));
        }
        problem(post("/refresh", "{\"refreshToken\":\"" + second + "\"}"), 401);
    }

    @Test
    void logoutRevokesTheAccessTokenAndTheRefreshToken() {
        String email = email();
        ValidatableResponse session = register(email, PASSWORD).statusCode(201);
        String access = session.extract().path("data.accessToken");
        String refresh = session.extract().path("data.refreshToken");
        given().auth().oauth2(access).get("/api/auth/profile").then().statusCode(200)
                .body("data.email", equalTo(email));
        given().auth().oauth2(access).contentType(ContentType.JSON).body("{\"refreshToken\":\"" + refresh + "\"}")
                .post("/api/auth/logout").then().statusCode(200);
        problem(given().auth().oauth2(access).get("/api/auth/profile").then(), 401);
        problem(post("/refresh", "{\"refreshToken\":\"" + refresh + "\"}"), 401);
        // the revocation is the shared Redis deny-list every service's RevokedTokenFilter reads, kept until exp
        String jti = new org.json.JSONObject(new String(java.util.Base64.getUrlDecoder()
                .decode(access.split("\\.")[1]))).getString("jti");
        try (redis.clients.jedis.JedisPooled redis = new redis.clients.jedis.JedisPooled("127.0.0.1", 6379)) {
            long ttl = redis.ttl("auth:revoked-jti:" + jti);
            assertTrue(ttl > 3000 && ttl <= 3600, "revoked until the token expires, ttl " + ttl);
        }
        login(email, PASSWORD).statusCode(200);
    }

    @Test
    void profileNeedsAValidTokenAndCanBeRenamed() {
        String access = register(email(), PASSWORD).statusCode(201).extract().path("data.accessToken");
        problem(given().get("/api/auth/profile").then(), 401);
        for (String forged : new String[] {TestTokens.unsignedAdmin("x"), TestTokens.hs256WithPublicKey("x"),
                TestTokens.expired("x"), TestTokens.wrongIssuer("x"), TestTokens.wrongAudience("x"),
                TestTokens.tampered("x"), "garbage"}) {
            problem(given().auth().oauth2(forged).get("/api/auth/profile").then(), 401);
            problem(given().auth().oauth2(forged).get("/api/auth/users").then(), 401);
        }
        given().auth().oauth2(access).contentType(ContentType.JSON).body("{\"firstName\":\"Grace\",\"role\":\"admin\"}")
                .put("/api/auth/profile").then().statusCode(200).body("data.firstName", equalTo("Grace"))
                .body("data.role", equalTo("user"));
    }

    @Test
    void jwksPublishesTheSigningKey() {
        given().get("/api/auth/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kty", hasItem("RSA")).body("keys.alg", hasItem("RS256"))
                .body("keys[0]", not(hasKey("d"))).body("keys[0].kid", notNullValue());
    }

    /** A user document exactly as the spec's Node service (Mongoose + bcryptjs) wrote it. */
    @Test
    void aUserWrittenByTheNodeServiceLogsIn() {
        String email = email();
        String hash = BCrypt.with(BCrypt.Version.VERSION_2A).hashToString(10, "node-era password!".toCharArray());
        ObjectId id = new ObjectId();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:27017")) {
            client.getDatabase("auth_db").getCollection("users").insertOne(new Document("_id", id)
                    .append("email", email).append("password", hash).append("firstName", "Node")
                    .append("lastName", "Era").append("role", "vendor").append("isEmailVerified", true)
                    .append("isActive", true).append("createdAt", new Date()).append("updatedAt", new Date())
                    .append("__v", 0));
            login(email, "node-era password!").statusCode(200).body("data.user._id", equalTo(id.toHexString()))
                    .body("data.user.role", equalTo("vendor")).body("data.user.isEmailVerified", equalTo(true));
            String upgraded = client.getDatabase("auth_db").getCollection("users").find(new Document("_id", id))
                    .first().getString("password");
            assertTrue(upgraded.startsWith("$2b$12$"), "hash upgraded to the current cost: " + upgraded);
            login(email, "node-era password!").statusCode(200);
        }
    }
}
