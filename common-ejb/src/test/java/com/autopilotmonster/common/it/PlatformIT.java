package com.autopilotmonster.common.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.autopilotmonster.infra.Infra;
import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.PrometheusMetrics;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * common-ejb on a real Liberty server (Arquillian managed container) with the real Mongo-wire store,
 * Redis and Kafka broker: envelope and problem+json, security, health probes that follow the
 * dependencies, and the outbox + idempotent consumer across a Kafka outage.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final Duration READINESS_DEADLINE = Duration.ofSeconds(10);
    /** Arquillian deploys to dropins: the context root is the archive's name. */
    private static final String APP = "/platform-probe";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ProbeDeployment.create();
    }

    @BeforeEach
    void target() {
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = 4010;
        Eventually.await("probe app ready", Duration.ofSeconds(120),
                () -> given().get("/health/ready").statusCode() == 200);
    }

    private static ValidatableResponse postItem(String body) {
        return given().contentType(ContentType.JSON).body(body).post(APP + "/api/probe/items").then();
    }

    private static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(containsString("application/problem+json"))
                .body("status", equalTo(status)).body("success", equalTo(false)).body("message", notNullValue())
                .body("title", notNullValue()).body("type", notNullValue())
                .body(not(containsString("Exception"))).body(not(containsString("\tat ")));
    }

    @Test
    @Order(1)
    void successIsWrappedInTheEnvelope() {
        postItem("{\"name\":\"Agent\",\"email\":\"a@example.test\",\"kind\":\"AGENT\"}").statusCode(201)
                .body("success", equalTo(true)).body("message", equalTo("Item created"))
                .body("data.itemId", notNullValue()).body("data.eventId", notNullValue())
                .body("timestamp", notNullValue());
    }

    @Test
    @Order(2)
    void listsCarryPagination() {
        given().get(APP + "/api/probe/numbers?page=2&limit=20").then().statusCode(200)
                .body("success", equalTo(true)).body("data.numbers[0]", equalTo(21))
                .body("data.pagination.page", equalTo(2)).body("data.pagination.limit", equalTo(20))
                .body("data.pagination.total", equalTo(45)).body("data.pagination.pages", equalTo(3))
                .body("data.pagination.hasNextPage", equalTo(true)).body("data.pagination.hasPrevPage", equalTo(true))
                .body("pagination", nullValue());
        isProblem(given().get(APP + "/api/probe/numbers?limit=1000").then(), 400)
                .body("errors.field", hasItem("limit"));
        isProblem(given().get(APP + "/api/probe/numbers?page=abc").then(), 400);
    }

    @Test
    @Order(3)
    void badInputIsAProblemNeverA500() {
        isProblem(postItem("{\"name\": \"x\", "), 400);
        isProblem(postItem("[1,2"), 400);
        isProblem(given().contentType(ContentType.TEXT).body("name=x").post(APP + "/api/probe/items").then(), 415);
        isProblem(given().contentType(ContentType.XML).body("<a/>").post(APP + "/api/probe/items").then(), 415);
        isProblem(postItem("{\"name\":\"\",\"email\":\"not-an-email\",\"kind\":\"AGENT\"}"), 400)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("email"));
        isProblem(postItem("{\"name\":\"x\",\"email\":\"a@example.test\",\"kind\":\"ROBOT\"}"), 400);
        isProblem(postItem("{\"name\":{\"$ne\":null},\"email\":\"a@example.test\",\"kind\":\"AGENT\"}"), 400);
        isProblem(postItem(""), 400);
        isProblem(postItem("null"), 400);
    }

    @Test
    @Order(4)
    void oversizeBodiesAre413() {
        String huge = "{\"name\":\"" + "x".repeat(1_200_000) + "\",\"email\":\"a@example.test\",\"kind\":\"AGENT\"}";
        isProblem(postItem(huge), 413);
    }

    @Test
    @Order(5)
    void errorsNeverLeakInternals() {
        isProblem(given().get(APP + "/api/probe/boom").then(), 500).body(not(containsString("secret")))
                .body(not(containsString("com.autopilotmonster"))).body("requestId", notNullValue());
        isProblem(given().get(APP + "/api/probe/conflict").then(), 409).body("detail", equalTo("That name is taken"));
        isProblem(given().delete(APP + "/api/probe/items").then(), 405);
        isProblem(given().get(APP + "/api/nothing/here").then(), 404);
        isProblem(given().get(APP + "/nothing-outside-the-api").then(), 404);
    }

    @Test
    @Order(6)
    void rolesAndTokensAreEnforced() {
        given().auth().oauth2(TestTokens.user("u-1")).get(APP + "/api/probe/me").then().statusCode(200)
                .body("data.userId", equalTo("u-1")).body("data.role", equalTo("user"));
        isProblem(given().get(APP + "/api/probe/me").then(), 401);
        isProblem(given().auth().oauth2(TestTokens.user("u-1")).get(APP + "/api/probe/admin-only").then(), 403);
        given().auth().oauth2(TestTokens.admin("a-1")).get(APP + "/api/probe/admin-only").then().statusCode(200);
        for (String forged : new String[] {TestTokens.unsignedAdmin("a"), TestTokens.hs256WithPublicKey("a"),
                TestTokens.expired("a"), TestTokens.wrongIssuer("a"), TestTokens.wrongAudience("a"),
                TestTokens.tampered("a")}) {
            isProblem(given().auth().oauth2(forged).get(APP + "/api/probe/me").then(), 401);
        }
    }

    @Test
    @Order(7)
    void tokensRevokedByAuthAreRefusedHereToo() {
        String token = TestTokens.user("revoked-user-" + System.nanoTime());
        given().auth().oauth2(token).get(APP + "/api/probe/me").then().statusCode(200);
        String jti = new org.json.JSONObject(new String(java.util.Base64.getUrlDecoder()
                .decode(token.split("\\.")[1]))).getString("jti");
        String userId = new org.json.JSONObject(new String(java.util.Base64.getUrlDecoder()
                .decode(token.split("\\.")[1]))).getString("userId");
        try (redis.clients.jedis.JedisPooled redis = new redis.clients.jedis.JedisPooled("127.0.0.1", 6379)) {
            // exactly what auth writes on logout / deactivation
            redis.setex("auth:revoked-jti:" + jti, 60, "1");
            isProblem(given().auth().oauth2(token).get(APP + "/api/probe/me").then(), 401)
                    .body("type", containsString("token-revoked"));
            String other = TestTokens.user(userId);
            given().auth().oauth2(other).get(APP + "/api/probe/me").then().statusCode(200);
            redis.set("auth:inactive-user:" + userId, "1");
            try {
                isProblem(given().auth().oauth2(other).get(APP + "/api/probe/me").then(), 401)
                        .body("type", containsString("account-inactive"));
            } finally {
                redis.del("auth:inactive-user:" + userId);
            }
            // a role change or password reset: auth writes the first second whose tokens count again
            String fresh = TestTokens.user(userId);
            long issuedAt = new org.json.JSONObject(new String(java.util.Base64.getUrlDecoder()
                    .decode(fresh.split("\\.")[1]))).getLong("iat");
            try {
                redis.setex("auth:valid-after:" + userId, 60, Long.toString(issuedAt + 1));
                isProblem(given().auth().oauth2(fresh).get(APP + "/api/probe/me").then(), 401)
                        .body("type", containsString("token-stale"));
                redis.setex("auth:valid-after:" + userId, 60, Long.toString(issuedAt));
                given().auth().oauth2(fresh).get(APP + "/api/probe/me").then().statusCode(200);
            } finally {
                redis.del("auth:valid-after:" + userId);
            }
        }
    }

    @Test
    @Order(10)
    void eventRecordedWhileKafkaIsDownIsDeliveredOnceWhenItReturns() {
        assumeTrue(Infra.isOwned("kafka"), "Kafka is not run by this build; cannot stop it");
        Infra.stop("kafka");
        String eventId;
        try {
            eventId = postItem("{\"name\":\"While down\",\"email\":\"d@example.test\",\"kind\":\"WORKFLOW\"}")
                    .statusCode(201).extract().path("data.eventId");
            Eventually.sleep(2000);
            int pending = given().get(APP + "/api/probe/outbox").then().extract().path("data.pending");
            assertTrue(pending >= 1, "the event waits in the outbox while Kafka is down");
            given().get(APP + "/api/probe/applied/" + eventId).then().body("data.times", equalTo(0));
        } finally {
            Infra.start("kafka");
        }
        String id = eventId;
        Eventually.await("event applied after Kafka returned", Duration.ofSeconds(90),
                () -> given().get(APP + "/api/probe/applied/" + id).then().extract().<Integer>path("data.times") == 1);

        KafkaTopicReader.Event delivered = KafkaTopicReader.awaitRecord("platform.probe", Duration.ofSeconds(30),
                e -> id.equals(e.headers().get("ce_id")));
        assertEquals("platform.probe", delivered.headers().get("ce_type"));
        assertEquals("/platform-probe", delivered.headers().get("ce_source"));
        assertEquals("1.0", delivered.headers().get("ce_specversion"));
        assertTrue(delivered.value().contains("\"name\":\"While down\""), delivered.value());

        // Kafka redelivers the very same event (same ce_id): the effect must not happen a second time.
        KafkaTopicReader.send("platform.probe", delivered.key(), delivered.value(), delivered.headers());
        String markerEvent = postItem("{\"name\":\"Marker\",\"email\":\"m@example.test\",\"kind\":\"AGENT\"}")
                .statusCode(201).extract().path("data.eventId");
        Eventually.await("marker applied (so the duplicate before it was consumed)", Duration.ofSeconds(60),
                () -> given().get(APP + "/api/probe/applied/" + markerEvent).then().extract()
                        .<Integer>path("data.times") == 1);
        given().get(APP + "/api/probe/applied/" + id).then().body("data.times", equalTo(1))
                .body("data.markerPresent", equalTo(true));
        given().get(APP + "/api/probe/outbox").then().body("data.pending", equalTo(0));
    }

    @Test
    @Order(20)
    void readinessFollowsTheMongoStore() {
        assertReadinessFollows("mongo", "mongodb", () -> {
            // a request that needs the store answers 503 + Retry-After (an outage, not a bug), within the
            // driver's server selection bound, and no 500
            long start = System.nanoTime();
            given().contentType("application/json").body("{\"name\":\"during outage\",\"email\":\"o@example.test\","
                    + "\"kind\":\"AGENT\"}").post(APP + "/api/probe/items").then().statusCode(503)
                    .contentType(containsString("application/problem+json")).header("Retry-After", notNullValue())
                    .body("success", equalTo(false));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 6000, "answered in " + ms + " ms");
        });
    }

    /**
     * Readiness means "can serve requests": the outbox absorbs a broker outage, so readiness stays UP and the
     * outage is reported in the kafka check's data (broker DOWN, degraded) instead of taking the API out of service.
     */
    @Test
    @Order(21)
    void aKafkaOutageIsReportedWithoutFailingReadiness() {
        assumeTrue(Infra.isOwned("kafka"), "Kafka is not run by this build; cannot stop it");
        given().get("/health/ready").then().statusCode(200);
        Infra.stop("kafka");
        try {
            Eventually.await("broker reported DOWN", READINESS_DEADLINE, () -> "DOWN".equals(given()
                    .get("/health/ready").then().extract().path("checks.find { it.name == 'kafka' }.data.broker")));
            given().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'kafka' }.data.degraded", equalTo(true));
            // and fast: a probe gives up after its own timeout (Kubernetes: 1 s), so a slow UP is a DOWN to it
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                given().get("/health/ready").then().statusCode(200);
                long ms = (System.nanoTime() - started) / 1_000_000;
                assertTrue(ms < 1000, "readiness took " + ms + " ms during the broker outage");
                Eventually.sleep(300);
            }
            postItem("{\"name\":\"Broker away\",\"email\":\"b@example.test\",\"kind\":\"AGENT\"}")
                    .statusCode(201);
            // the outbox gauges as a scraper sees them: the held event is counted and ages
            Eventually.await("outbox backlog on /metrics", Duration.ofSeconds(30),
                    () -> outboxMetric("outbox_pending_events") >= 1);
            double age = outboxMetric("outbox_oldest_unsent_age_seconds");
            Eventually.sleep(1500);
            assertTrue(outboxMetric("outbox_oldest_unsent_age_seconds") > age && age > 0,
                    "the oldest unsent event's age grows while Kafka is away (was " + age + " s)");
        } finally {
            Infra.start("kafka");
        }
        Eventually.await("broker reported UP again", Duration.ofSeconds(60), () -> "UP".equals(given()
                .get("/health/ready").then().extract().path("checks.find { it.name == 'kafka' }.data.broker")));
        Eventually.await("the held event delivered", Duration.ofSeconds(60), () -> given().get(APP + "/api/probe/outbox")
                .then().extract().<Integer>path("data.pending") == 0);
        Eventually.await("outbox gauges back to 0", Duration.ofSeconds(30),
                () -> outboxMetric("outbox_pending_events") == 0 && outboxMetric("outbox_oldest_unsent_age_seconds") == 0);
    }

    private static final String METRICS = "http://localhost:4010/metrics";

    private static double outboxMetric(String name) {
        List<PrometheusMetrics.Sample> series = PrometheusMetrics.scrape(METRICS)
                .find(name, Map.of("service", "platform-probe"));
        assertEquals(1, series.size(), name + ": " + series);
        return series.get(0).value();
    }

    /**
     * Consumer lag per channel, computed from the group's committed offsets against the topic's end offsets: present
     * for the probe's channel with its group and topic, never negative, and 0 once the consumer caught up.
     */
    @Test
    @Order(11)
    void consumerLagIsReportedPerChannelAndFallsToZeroOnceConsumed() {
        String eventId = postItem("{\"name\":\"Lagging\",\"email\":\"l@example.test\",\"kind\":\"AGENT\"}")
                .statusCode(201).extract().path("data.eventId");
        Eventually.await("event applied", Duration.ofSeconds(60), () -> given().get(APP + "/api/probe/applied/" + eventId)
                .then().extract().<Integer>path("data.times") == 1);
        Map<String, String> channel = Map.of("channel", "probe-events", "group", "platform-probe",
                "topic", "platform.probe", "service", "platform-probe");
        Eventually.await("lag of probe-events is 0 once consumed", Duration.ofSeconds(60), () -> {
            List<PrometheusMetrics.Sample> lag = PrometheusMetrics.scrape(METRICS).find("kafka_consumer_lag", channel);
            return lag.size() == 1 && lag.get(0).value() == 0; // one series per channel
        });
    }

    @Test
    @Order(12)
    void everyNameTheDashboardMayQueryForCommonEjbIsExposed() {
        PrometheusMetrics now = PrometheusMetrics.scrape(METRICS);
        List<String> promised = PrometheusMetrics.promisedBy("platform-probe");
        assertTrue(!promised.isEmpty(), PrometheusMetrics.exposedList().toString());
        List<String> missing = promised.stream().filter(name -> now.find(name, Map.of()).isEmpty()).toList();
        assertTrue(missing.isEmpty(), "promised but not exposed: " + missing + "; exposed: " + now.names());
        assertTrue(now.find("kafka_consumer_lag", Map.of()).stream().allMatch(s -> s.value() >= 0),
                "lag is never negative: " + now.find("kafka_consumer_lag", Map.of()));
    }

    @Test
    @Order(22)
    void readinessFollowsRedis() {
        assertReadinessFollows("redis", "redis", () -> { });
    }

    private void assertReadinessFollows(String component, String checkName, Runnable whileDown) {
        assumeTrue(Infra.isOwned(component), component + " is not run by this build; cannot stop it");
        given().get("/health/ready").then().statusCode(200);
        Infra.stop(component);
        try {
            long start = System.nanoTime();
            Duration took = Eventually.await("ready DOWN after " + component + " stopped", READINESS_DEADLINE,
                    () -> given().get("/health/ready").statusCode() == 503);
            Map<String, Object> check = given().get("/health/ready").then().statusCode(503).extract()
                    .path("checks.find { it.name == '" + checkName + "' }");
            assertEquals("DOWN", check.get("status"));
            long probeMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(took.compareTo(READINESS_DEADLINE) < 0, "DOWN within 10 s, took " + probeMs + " ms");
            // and answered at once: a probe gives up after its own timeout (Kubernetes: 1 s), and an unanswered
            // probe says nothing about what is down
            for (int i = 0; i < 5; i++) {
                long asked = System.nanoTime();
                given().get("/health/ready").then().statusCode(503);
                long ms = (System.nanoTime() - asked) / 1_000_000;
                assertTrue(ms < 1000, "readiness took " + ms + " ms while " + component + " was down");
                Eventually.sleep(300);
            }
            given().get("/health/live").then().statusCode(200);
            whileDown.run();
        } finally {
            Infra.start(component);
        }
        Eventually.await("ready UP after " + component + " restarted", Duration.ofSeconds(60),
                () -> given().get("/health/ready").statusCode() == 200);
        given().get("/health/ready").then().body("status", equalTo("UP"));
    }
}
