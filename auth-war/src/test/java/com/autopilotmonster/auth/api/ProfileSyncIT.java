package com.autopilotmonster.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Names in sync with the user service, through events on the real Kafka: {@code user.profile.updated} (written
 * here exactly as the user service's outbox writes it) renames the account - once per event, never with an
 * older change than the account holds, poison records skipped - and is not echoed back; a rename at
 * PUT /api/auth/profile publishes {@code user.updated} with the change's version.
 */
class ProfileSyncIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String PASSWORD = "correct horse battery staple";

    @BeforeAll
    static void target() {
        ServiceUnderTest.target(4002);
    }

    /** A registered account: {id, accessToken}. */
    private static String[] account() {
        JsonPath session = given().contentType(ContentType.JSON).body("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
                + "\"email\":\"sync-" + UUID.randomUUID() + "@example.test\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/auth/register").then().statusCode(201).extract().jsonPath();
        return new String[] {session.getString("data.user._id"), session.getString("data.accessToken")};
    }

    private static JsonPath profile(String token) {
        return given().auth().oauth2(token).get("/api/auth/profile").then().statusCode(200).extract().jsonPath();
    }

    private static String names(String token) {
        JsonPath p = profile(token);
        return p.getString("data.firstName") + " " + p.getString("data.lastName");
    }

    /** The user service's payload: the names with the version of their last change. */
    private static String profileUpdated(String userId, String first, String last, Instant version) {
        return "{\"userId\":\"" + userId + "\"" + (first == null ? "" : ",\"firstName\":\"" + first + "\"")
                + (last == null ? "" : ",\"lastName\":\"" + last + "\"") + ",\"displayName\":\"whatever\""
                + ",\"namesUpdatedAt\":\"" + version + "\",\"timestamp\":\"" + Instant.now() + "\"}";
    }

    /** As common-ejb's outbox relay writes it: the payload and CloudEvents binary headers; key = the user id. */
    private static void publish(String key, String eventId, String payload) {
        KafkaTopicReader.send("user.profile.updated", key, payload, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_type", "user.profile.updated", "ce_source", "/user", "ce_time", Instant.now().toString(),
                "content-type", "application/json"));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void theUserServicesRenameReachesTheAccountOnceAndNeverBackwards() {
        String[] account = account();
        String userId = account[0];
        String token = account[1];
        Instant t1 = Instant.now();
        String first = id();
        String firstPayload = profileUpdated(userId, "Grace", "Hopper", t1);
        publish(userId, first, firstPayload);
        Eventually.await("names from user.profile.updated", WAIT, () -> "Grace Hopper".equals(names(token)));
        String role = profile(token).getString("data.role");

        publish(userId, id(), profileUpdated(userId, "Ada", "Byron", t1.plusSeconds(5)));
        Eventually.await("newer names applied", WAIT, () -> "Ada Byron".equals(names(token)));

        publish(userId, first, firstPayload);                                                   // redelivered
        publish(userId, id(), profileUpdated(userId, "Stale", "Change", t1.plusSeconds(2)));  // older than held
        publish(userId, id(), "not json at all");                                              // poison
        publish(userId, id(), "{\"userId\":{\"$ne\":null},\"firstName\":\"X\",\"timestamp\":\"" + Instant.now() + "\"}");
        publish(userId, id(), "{\"userId\":\"" + userId + "\",\"firstName\":\"NoTime\"}");     // no version
        publish(userId, id(), "{\"userId\":\"" + userId + "\",\"firstName\":\"BadTime\",\"timestamp\":\"yesterday\"}");
        // the same key, so the same partition: when this one is applied, everything above was handled
        publish(userId, id(), profileUpdated(userId, null, "Final", t1.plusSeconds(10)));
        Eventually.await("last name from the marker event", WAIT, () -> profile(token).getString("data.lastName")
                .equals("Final"));
        JsonPath after = profile(token);
        // neither the redelivered first event nor the older one nor the poison changed the first name
        assertTrue("Ada".equals(after.getString("data.firstName")), after.prettify());
        // a field-level update: the rest of the account is as it was
        assertTrue(role.equals(after.getString("data.role")) && after.getString("data.email").startsWith("sync-"));

        // an over-long name is cut to the account's 50 characters, not refused forever
        publish(userId, id(), profileUpdated(userId, "L".repeat(80), null, t1.plusSeconds(20)));
        Eventually.await("long name cut to 50", WAIT, () -> "L".repeat(50).equals(profile(token).getString("data.firstName")));
    }

    @Test
    void namesAppliedFromTheUserServiceAreNotEchoedBack() {
        String[] account = account();
        String marker = "Echo" + UUID.randomUUID().toString().substring(0, 8);
        publish(account[0], id(), profileUpdated(account[0], marker, "Sync", Instant.now()));
        Eventually.await("applied", WAIT, () -> marker.equals(profile(account[1]).getString("data.firstName")));
        assertThrows(AssertionError.class, () -> KafkaTopicReader.awaitRecord("user.updated", Duration.ofSeconds(8),
                e -> e.value().contains(marker)), "auth republished a change it received from the user service");
    }

    @Test
    void aRenameHerePublishesUserUpdatedAndWinsOverAnEventStampedAhead() {
        String[] account = account();
        String userId = account[0];
        String token = account[1];
        // the user service's clock runs an hour ahead: its change is applied...
        publish(userId, id(), profileUpdated(userId, "Ahead", "Clock", Instant.now().plusSeconds(3600)));
        Eventually.await("applied", WAIT, () -> "Ahead Clock".equals(names(token)));
        // ... and the person's own later rename here still takes effect
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"firstName\":\"Katherine\",\"lastName\":\"Johnson\"}")
                .put("/api/auth/profile").then().statusCode(200).body("data.firstName", equalTo("Katherine"))
                .body("data.lastName", equalTo("Johnson"));
        KafkaTopicReader.Event event = KafkaTopicReader.awaitRecord("user.updated", WAIT,
                e -> e.value().contains(userId) && e.value().contains("Katherine"));
        assertTrue(event.value().contains("\"lastName\":\"Johnson\"") && event.value().contains("\"timestamp\""),
                event.value());
        Instant version = Instant.parse(JsonPath.from(event.value()).getString("timestamp"));
        assertTrue(version.isAfter(Instant.now().plusSeconds(3000)), "version above the applied one: " + version);
        assertTrue("user.updated".equals(event.headers().get("ce_type")) && "/auth".equals(event.headers().get("ce_source")));

        // the same names again change nothing and publish nothing new
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"firstName\":\"Katherine\"}")
                .put("/api/auth/profile").then().statusCode(200).body("data.firstName", equalTo("Katherine"));
    }
}
