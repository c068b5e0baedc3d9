package com.autopilotmonster.user.api;

import static com.autopilotmonster.user.api.Users.eventId;
import static com.autopilotmonster.user.api.Users.get;
import static com.autopilotmonster.user.api.Users.problem;
import static com.autopilotmonster.user.api.Users.publish;
import static com.autopilotmonster.user.api.Users.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.TestTokens;
import com.autopilotmonster.user.api.Users.User;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profiles: the default profile from user.registered (on the real Kafka, the auth service's payload), on demand
 * when read first, bounded validated updates (unknown fields ignored, bad input 400 problem+json), only ever the
 * caller's own, anonymised on user.deleted; and 401 without a token on every endpoint.
 */
class ProfileIT {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @BeforeAll
    static void setUp() {
        Users.target();
    }

    private static String registered(String userId, String email, String first, String last) {
        return "{\"userId\":\"" + userId + "\",\"email\":\"" + email + "\",\"firstName\":\"" + first + "\""
                + (last == null ? "" : ",\"lastName\":\"" + last + "\"") + ",\"timestamp\":\"" + Instant.now() + "\"}";
    }

    @Test
    void userRegisteredCreatesTheDefaultProfile() {
        User user = User.fresh();
        // auth puts the same email in the event and the token; the wait below may read the profile (creating it
        // on demand from the token) before the event arrives, so a different email here would make the test a race
        String email = user.id() + "@example.test";
        publish("user.registered", user.id(), eventId(), registered(user.id(), email, "Ada", "Lovelace"));
        Eventually.await("profile from user.registered", WAIT, () -> "Ada".equals(
                get(user.token(), "/api/users/profile").statusCode(200).extract().path("data.firstName")));
        get(user.token(), "/api/users/profile").statusCode(200).body("success", equalTo(true))
                .body("data.userId", equalTo(user.id())).body("data.profileId", notNullValue())
                .body("data._id", notNullValue()).body("data.email", equalTo(email))
                .body("data.lastName", equalTo("Lovelace")).body("data.displayName", equalTo("Ada Lovelace"))
                .body("data.preferences.timezone", equalTo("UTC")).body("data.preferences.notifications", equalTo(true))
                .body("data.preferences.marketing", equalTo(false));
    }

    @Test
    void aProfileReadBeforeTheEventIsCreatedOnDemandAndTheEventFillsTheNamesIn() {
        User user = User.fresh();
        String profileId = get(user.token(), "/api/users/profile").statusCode(200)
                .body("data.userId", equalTo(user.id())).body("data.firstName", nullValue())
                .extract().path("data.profileId");
        publish("user.registered", user.id(), eventId(), registered(user.id(), "late-" + user.id() + "@example.test", "Grace", null));
        Eventually.await("names filled in", WAIT, () -> "Grace".equals(
                get(user.token(), "/api/users/profile").extract().path("data.firstName")));
        get(user.token(), "/api/users/profile").body("data.profileId", equalTo(profileId));
    }

    @Test
    void updatesAreValidatedBoundedAndUnknownOrServerOwnedFieldsIgnored() {
        User user = User.fresh();
        send("PUT", user.token(), "/api/users/profile", "{\"displayName\":\"Ada L.\",\"bio\":\"Builds agents\","
                + "\"company\":\"Analytical\",\"website\":\"https://ada.example.test\",\"location\":\"London\","
                + "\"avatar\":\"https://cdn.example.test/ada.png\",\"timezone\":\"Europe/London\","
                + "\"preferences\":{\"newsletter\":true,\"marketing\":true,\"notifications\":false,\"theme\":\"dark\"},"
                + "\"social\":{\"github\":\"https://github.com/ada\"},"
                + "\"userId\":\"someone-else\",\"email\":\"evil@example.test\",\"_id\":\"x\",\"role\":\"admin\",\"unknown\":{\"a\":1}}")
                .statusCode(200).body("data.displayName", equalTo("Ada L.")).body("data.userId", equalTo(user.id()))
                .body("data.preferences.timezone", equalTo("Europe/London")).body("data.preferences.marketing", equalTo(true))
                .body("data.preferences.notifications", equalTo(false)).body("data.preferences.theme", equalTo("dark"))
                .body("data.social.github", equalTo("https://github.com/ada")).body("data.role", nullValue())
                .body("data.email", org.hamcrest.Matchers.not(equalTo("evil@example.test"))).body("data.unknown", nullValue());
        // cleared with an empty string
        send("PUT", user.token(), "/api/users/profile", "{\"bio\":\"\"}").statusCode(200).body("data.bio", nullValue())
                .body("data.company", equalTo("Analytical"));

        String big = "x".repeat(2001);
        problem(send("PUT", user.token(), "/api/users/profile", "{\"bio\":\"" + big + "\"}"), 400);
        problem(send("PUT", user.token(), "/api/users/profile", "{\"avatar\":\"javascript:alert(1)\"}"), 400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("avatar")));
        problem(send("PUT", user.token(), "/api/users/profile", "{\"timezone\":\"Mars/Olympus\"}"), 400);
        problem(send("PUT", user.token(), "/api/users/profile", "{\"preferences\":{\"theme\":\"neon\"}}"), 400);
        problem(send("PUT", user.token(), "/api/users/profile", "{\"displayName\":{\"$gt\":\"\"}}"), 400);
        problem(send("PUT", user.token(), "/api/users/profile", "{\"preferences\":{\"newsletter\":{\"$ne\":null}}}"), 400);
        problem(send("PUT", user.token(), "/api/users/profile", "{\"bio\": \"unterminated"), 400);
        problem(send("PUT", user.token(), "/api/users/profile", "[1,2,3]"), 400);
        problem(given().auth().oauth2(user.token()).contentType(ContentType.JSON)
                .body("{\"bio\":\"" + "y".repeat(1_100_000) + "\"}").put("/api/users/profile").then(), 413);
        // nothing of the refused requests was written
        get(user.token(), "/api/users/profile").body("data.displayName", equalTo("Ada L."))
                .body("data.preferences.theme", equalTo("dark"));
    }

    @Test
    void userDeletedAnonymisesTheProfileOnceAndForAll() {
        User user = User.fresh();
        publish("user.registered", user.id(), eventId(), registered(user.id(), "gone-" + user.id() + "@example.test", "Gone", "Soon"));
        Eventually.await("profile created", WAIT, () -> "Gone".equals(
                get(user.token(), "/api/users/profile").extract().path("data.firstName")));
        send("PUT", user.token(), "/api/users/profile", "{\"bio\":\"private\",\"company\":\"Secret\"}").statusCode(200);

        String deleted = "{\"userId\":\"" + user.id() + "\",\"timestamp\":\"" + Instant.now() + "\"}";
        String id = eventId();
        publish("user.deleted", user.id(), id, deleted);
        Eventually.await("profile anonymised", WAIT, () -> Boolean.TRUE.equals(
                get(user.token(), "/api/users/profile").extract().path("data.deleted")));
        publish("user.deleted", user.id(), id, deleted);   // redelivered
        // a late user.registered does not bring the personal data back
        publish("user.registered", user.id(), eventId(), registered(user.id(), "again@example.test", "Back", "Again"));
        publish("user.deleted", "marker", eventId(), "{\"userId\":{\"$ne\":null}}");   // poison, skipped
        User marker = User.fresh();
        publish("user.registered", marker.id(), eventId(), registered(marker.id(), "m-" + marker.id() + "@example.test", "Marker", null));
        Eventually.await("marker applied", WAIT, () -> "Marker".equals(
                get(marker.token(), "/api/users/profile").extract().path("data.firstName")));
        get(user.token(), "/api/users/profile").statusCode(200).body("data.deleted", equalTo(true))
                .body("data.firstName", nullValue()).body("data.email", nullValue()).body("data.bio", nullValue())
                .body("data.company", nullValue()).body("data.userId", equalTo(user.id()));
    }

    /** auth's {@code user.updated}: the account's names with the version (timestamp) of their change. */
    private static String userUpdated(String userId, String first, String last, Instant version) {
        return "{\"userId\":\"" + userId + "\"" + (first == null ? "" : ",\"firstName\":\"" + first + "\"")
                + (last == null ? "" : ",\"lastName\":\"" + last + "\"") + ",\"timestamp\":\"" + version + "\"}";
    }

    private static String names(User user) {
        var p = get(user.token(), "/api/users/profile").statusCode(200).extract().jsonPath();
        return p.getString("data.firstName") + " " + p.getString("data.lastName");
    }

    @Test
    void authsRenameReachesTheProfileOnceNeverBackwardsAndAChosenDisplayNameStays() {
        User user = User.fresh();
        Instant t1 = Instant.now();
        String first = eventId();
        String firstPayload = userUpdated(user.id(), "Grace", "Hopper", t1);
        // before any profile exists: created with the names
        publish("user.updated", user.id(), first, firstPayload);
        Eventually.await("profile from user.updated", WAIT, () -> "Grace Hopper".equals(names(user)));
        get(user.token(), "/api/users/profile").body("data.displayName", equalTo("Grace Hopper"));

        // a derived display name follows the names...
        publish("user.updated", user.id(), eventId(), userUpdated(user.id(), "Ada", "Byron", t1.plusSeconds(5)));
        Eventually.await("newer names", WAIT, () -> "Ada Byron".equals(names(user)));
        get(user.token(), "/api/users/profile").body("data.displayName", equalTo("Ada Byron"));
        // ... one the person chose does not
        send("PUT", user.token(), "/api/users/profile", "{\"displayName\":\"Countess\"}").statusCode(200);

        publish("user.updated", user.id(), first, firstPayload);                                                 // redelivered
        publish("user.updated", user.id(), eventId(), userUpdated(user.id(), "Stale", "Change", t1.plusSeconds(2)));  // older
        publish("user.updated", user.id(), eventId(), "not json");                                               // poison
        publish("user.updated", user.id(), eventId(), "{\"userId\":{\"$ne\":null},\"firstName\":\"X\",\"timestamp\":\"" + Instant.now() + "\"}");
        publish("user.updated", user.id(), eventId(), "{\"userId\":\"" + user.id() + "\",\"firstName\":\"NoTime\"}");
        // same key, same partition: once this is applied, everything above was handled
        publish("user.updated", user.id(), eventId(), userUpdated(user.id(), null, "Lovelace", t1.plusSeconds(10)));
        Eventually.await("marker applied", WAIT, () -> "Lovelace".equals(
                get(user.token(), "/api/users/profile").extract().path("data.lastName")));
        get(user.token(), "/api/users/profile").body("data.firstName", equalTo("Ada"))
                .body("data.displayName", equalTo("Countess"));
        // nothing applied from auth was echoed back as user.profile.updated (the person's own PUT was)
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> com.autopilotmonster.testsupport
                .KafkaTopicReader.awaitRecord("user.profile.updated", Duration.ofSeconds(6),
                        e -> e.value().contains(user.id()) && e.value().contains("Lovelace")));
    }

    @Test
    void aRenameHereCarriesItsVersionAndAnOlderAuthEventDoesNotUndoIt() {
        User user = User.fresh();
        get(user.token(), "/api/users/profile").statusCode(200);
        Instant before = Instant.now().minusSeconds(1);
        send("PUT", user.token(), "/api/users/profile", "{\"firstName\":\"Mary\",\"lastName\":\"Jackson\"}")
                .statusCode(200).body("data.firstName", equalTo("Mary"));
        var event = com.autopilotmonster.testsupport.KafkaTopicReader.awaitRecord("user.profile.updated", WAIT,
                e -> e.value().contains(user.id()) && e.value().contains("Jackson"));
        var payload = io.restassured.path.json.JsonPath.from(event.value());
        Instant version = Instant.parse(payload.getString("namesUpdatedAt"));
        org.junit.jupiter.api.Assertions.assertTrue(version.isAfter(before), event.value());
        org.junit.jupiter.api.Assertions.assertEquals("Mary", payload.getString("firstName"));
        // auth's change made before the person's rename here arrives late: it loses
        publish("user.updated", user.id(), eventId(), userUpdated(user.id(), "Older", "Name", version.minusMillis(500)));
        publish("user.updated", user.id(), eventId(), userUpdated(user.id(), null, "Newer", version.plusMillis(500)));
        Eventually.await("newer applied", WAIT, () -> "Newer".equals(
                get(user.token(), "/api/users/profile").extract().path("data.lastName")));
        get(user.token(), "/api/users/profile").body("data.firstName", equalTo("Mary"));
    }

    @Test
    void everyEndpointNeedsAValidToken() {
        String[][] calls = {{"GET", "/api/users/profile"}, {"PUT", "/api/users/profile"}, {"GET", "/api/users/dashboard"},
                {"GET", "/api/users/wishlist"}, {"POST", "/api/users/wishlist"},
                {"DELETE", "/api/users/wishlist/5f0000000000000000000001"}, {"GET", "/api/users/purchases"},
                {"GET", "/api/users/purchases/5f0000000000000000000001/download"}, {"GET", "/api/users/subscriptions"},
                {"POST", "/api/users/subscriptions"}, {"GET", "/api/users/subscriptions/active"},
                {"POST", "/api/users/subscriptions/5f0000000000000000000001/cancel"}};
        String forged = TestTokens.tampered(new org.bson.types.ObjectId().toHexString());
        String expired = TestTokens.expired(new org.bson.types.ObjectId().toHexString());
        for (String[] call : calls) {
            problem(send(call[0], null, call[1], "{}"), 401);
            problem(send(call[0], forged, call[1], "{}"), 401);
            problem(send(call[0], expired, call[1], "{}"), 401);
        }
    }
}
