package com.autopilotmonster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.MailCatcher;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The public status API served by the gateway itself (/api/system/...), over real HTTP upstreams on the spec's
 * ports, the real store (gateway_db) and the real SMTP catcher. Two gateway instances (4000 and 4100) watch the
 * same upstreams, so the incident tests also show that one change is recorded once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemStatusIT {

    private static final String[][] SERVICES = {
        {"auth", "4002"}, {"marketplace", "4003"}, {"cart", "4009"}, {"orders", "4004"}, {"users", "4005"},
        {"vendors", "4006"}, {"content", "4008"}, {"admin", "4007"},
    };
    private static final List<StubUpstream> UPSTREAMS = new ArrayList<>();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static String confirmed;
    private static String unconfirmed;

    @BeforeAll
    static void start() throws Exception {
        for (String[] service : SERVICES) {
            StubUpstream upstream = new StubUpstream(service[0], Integer.parseInt(service[1]));
            upstream.start();
            UPSTREAMS.add(upstream);
        }
        ServiceUnderTest.target(4000);
        Eventually.await("second gateway ready", Duration.ofSeconds(90),
                () -> given().port(4100).get("/health/ready").statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        UPSTREAMS.forEach(StubUpstream::stop);
    }

    /** Each call from its own client address (loopback is a trusted proxy), so no test uses up another's budget. */
    private static RequestSpecification signedIn() {
        return api().auth().oauth2(com.autopilotmonster.testsupport.TestTokens.user("status-reader"));
    }

    private static RequestSpecification api() {
        return given().header("X-Forwarded-For", "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255) + "-"
                + UUID.randomUUID().toString().substring(0, 8));
    }

    private static StubUpstream upstream(String name) {
        return UPSTREAMS.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    private static void awaitOperational(String service) {
        Eventually.await(service + " operational on both gateways", Duration.ofSeconds(30),
                () -> api().get("/api/system/services/" + service).path("data.status").equals("operational")
                        && api().port(4100).get("/api/system/services/" + service).path("data.status")
                        .equals("operational"));
        // both gateways' watches confirm it (two probes 2 s apart) before the test changes anything
        Eventually.sleep(5_000);
    }

    private static List<Map<String, Object>> incidentsSince(String service, Instant since) {
        List<Map<String, Object>> all = api().queryParam("service", service).queryParam("limit", 50)
                .get("/api/system/incidents").then().statusCode(200).extract().jsonPath().getList("data.incidents");
        return all.stream().filter(i -> !Instant.parse((String) i.get("startedAt")).isBefore(since)).toList();
    }

    private static String subscribeAndAwaitConfirmation(String email) {
        api().contentType("application/json").body(Map.of("email", email)).post("/api/system/subscribe").then()
                .statusCode(202).body("success", equalTo(true)).body("message", containsString("confirmation"));
        MailCatcher.Mail mail = MailCatcher.awaitMail(email, Duration.ofSeconds(20));
        assertTrue(mail.subject().contains("Confirm"), mail.subject());
        assertTrue(mail.raw().contains("/api/system/subscribe/unsubscribe/"), "an unsubscribe link in every mail");
        return mail.firstLink();
    }

    @Test
    @Order(1)
    void statusAndServicesInTheClientsShapes() {
        awaitOperational("auth");
        api().get("/api/system/status").then().statusCode(200).contentType(containsString("application/json"))
                .body("success", equalTo(true))
                .body("data.status", oneOf("operational", "degraded", "down"))
                .body("data.version", notNullValue()).body("data.lastUpdated", notNullValue())
                .body("data.services.size()", equalTo(8))
                .body("data.services.name", hasItem("admin"))
                .body("data.services.status", everyItem(oneOf("operational", "down")))
                .body("data.services.responseTime", everyItem(greaterThanOrEqualTo(0)))
                .body("data.services.lastChecked", everyItem(notNullValue()))
                .body("data.services.find { it.name == 'auth' }.status", equalTo("operational"));
        api().get("/api/system/services/auth").then().statusCode(200).body("success", equalTo(true))
                .body("data.name", equalTo("auth")).body("data.status", equalTo("operational"))
                .body("data.responseTime", greaterThanOrEqualTo(0)).body("data.lastChecked", notNullValue());
        api().get("/api/system/health").then().statusCode(200)
                .body("data.overall.status", oneOf("operational", "degraded", "down"))
                .body("data.overall.version", notNullValue())
                .body("data.services.size()", equalTo(8))
                .body("data.incidents", notNullValue())
                .body("data.upcomingMaintenance", empty());
        // counted readiness checks: uptime per service shows up on the status and in the metrics. The status reuses
        // its 30-day totals for 30 s (SystemStatusResource), so a first read before the watch's first count of auth
        // (a fresh CI clone, 2026-11-29 18:06) leaves it out for up to 30 s: the wait outlasts that
        Eventually.await("uptime counted", Duration.ofSeconds(45), () -> api().get("/api/system/services/auth")
                .path("data.uptime") != null);
        signedIn().queryParam("range", "1h").get("/api/system/metrics").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.size()", greaterThan(0))
                .body("data[-1].timestamp", notNullValue())
                .body("data[-1].services.auth.checks", greaterThan(0))
                .body("data[-1].services.auth.uptime", notNullValue())
                .body("data[-1].requests.total", greaterThan(0))
                // the host's own figures, as the client's SystemMetrics reads them
                .body("data[-1].cpu.cores", equalTo(Runtime.getRuntime().availableProcessors()))
                .body("data[-1].cpu.usage", greaterThanOrEqualTo(0f))
                .body("data[-1].memory.percentage", greaterThan(0f));
        io.restassured.path.json.JsonPath host = signedIn().queryParam("range", "1h").get("/api/system/metrics").jsonPath();
        for (String bytes : List.of("memory.total", "memory.used", "disk.total", "disk.used")) {
            org.junit.jupiter.api.Assertions.assertTrue(((Number) host.get("data[-1]." + bytes)).longValue() > 0, bytes);
        }
        Eventually.await("network counted", Duration.ofSeconds(20), () -> signedIn().queryParam("range", "1h")
                .get("/api/system/metrics").path("data[-1].network.incoming") != null);
        signedIn().get("/api/system/metrics").then().statusCode(200);
        // anonymous, expired or forged: the host's figures are for signed-in users only
        api().get("/api/system/metrics").then().statusCode(401).contentType(containsString("application/problem+json"));
        api().auth().oauth2(com.autopilotmonster.testsupport.TestTokens.expired("u1")).get("/api/system/metrics").then().statusCode(401);
        signedIn().queryParam("range", "1y").get("/api/system/metrics").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    @Order(2)
    void anUnknownServiceIs404() {
        api().get("/api/system/services/nope").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("success", equalTo(false));
        api().get("/api/system/nothing-here").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    @Order(3)
    void incidentsArePaginatedAsTheClientReadsThem() {
        api().queryParam("page", 1).queryParam("limit", 2).get("/api/system/incidents").then().statusCode(200)
                .body("data.incidents", notNullValue())
                .body("data.pagination.page", equalTo(1)).body("data.pagination.limit", equalTo(2))
                .body("data.pagination.total", greaterThanOrEqualTo(0))
                .body("data.pagination.pages", greaterThanOrEqualTo(0));
        api().queryParam("limit", 1000).get("/api/system/incidents").then().statusCode(400);
        api().queryParam("severity", "apocalyptic").get("/api/system/incidents").then().statusCode(400);
    }

    @Test
    @Order(4)
    void subscribingNeedsAValidEmailAndAWellFormedBody() {
        for (String bad : new String[] {"not-an-email", "a@", "@b.example", "a b@c.example", "x".repeat(250) + "@e.io"}) {
            api().contentType("application/json").body(Map.of("email", bad)).post("/api/system/subscribe").then()
                    .statusCode(400).contentType(containsString("application/problem+json"))
                    .body("success", equalTo(false)).body("errors.field", hasItem("email"));
        }
        api().contentType("application/json").body("{}").post("/api/system/subscribe").then().statusCode(400);
        api().contentType("application/json").post("/api/system/subscribe").then().statusCode(400);
        api().contentType("application/json").body("{\"email\": ").post("/api/system/subscribe").then()
                .statusCode(400).contentType(containsString("application/problem+json"));
        api().contentType("application/json").body("{\"email\": {\"$ne\": null}}").post("/api/system/subscribe")
                .then().statusCode(400);
        api().contentType("text/plain").body("someone@example.com").post("/api/system/subscribe").then()
                .statusCode(415);
        String huge = "{\"email\": \"" + "a".repeat(2 * 1024 * 1024) + "@example.com\"}";
        api().contentType("application/json").body(huge).post("/api/system/subscribe").then().statusCode(413)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    @Order(5)
    void forgedConfirmAndUnsubscribeLinksAreRefused() {
        String forged = "A".repeat(43);
        api().get("/api/system/subscribe/confirm/" + forged).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        api().get("/api/system/subscribe/confirm/short").then().statusCode(404);
        api().get("/api/system/subscribe/unsubscribe/" + forged).then().statusCode(404);
    }

    @Test
    @Order(6)
    void doubleOptInAndNoSecondMailForAPendingAddress() {
        confirmed = "status-yes-" + RUN + "@example.com";
        unconfirmed = "status-no-" + RUN + "@example.com";
        String link = subscribeAndAwaitConfirmation(confirmed);
        assertTrue(link.contains("/api/system/subscribe/confirm/"), link);
        subscribeAndAwaitConfirmation(unconfirmed);
        // subscribing the pending address again (from other clients, on both gateways) mails nothing more
        for (int port : new int[] {4000, 4100, 4000}) {
            api().port(port).contentType("application/json").body(Map.of("email", unconfirmed.toUpperCase()))
                    .post("/api/system/subscribe").then().statusCode(202);
        }
        Eventually.sleep(3_000);
        assertEquals(1, MailCatcher.inbox(unconfirmed).size(), "one confirmation mail only");
        // the link from the mail confirms once; a used link is no longer valid
        String path = link.substring(link.indexOf("/api/system/"));
        api().get(path).then().statusCode(200).body("success", equalTo(true)).body("data.confirmed", equalTo(true));
        api().get(path).then().statusCode(404);
        // a confirmed address is not mailed another confirmation either
        api().contentType("application/json").body(Map.of("email", confirmed)).post("/api/system/subscribe").then()
                .statusCode(202);
        Eventually.sleep(2_000);
        assertEquals(1, MailCatcher.inbox(confirmed).size());
    }

    @Test
    @Order(7)
    void aSingleFailedProbeIsNoIncident() {
        awaitOperational("vendors");
        Instant before = Instant.now().minusSeconds(1);
        upstream("vendors").failNextReadiness(1);
        Eventually.sleep(8_000);
        assertEquals(List.of(), incidentsSince("vendors", before), "a single failed probe is no incident");
    }

    @Test
    @Order(8)
    void aServiceGoingDownAndBackIsOneIncidentMailedToConfirmedSubscribersOnly() throws Exception {
        assertNotNull(confirmed, "runs after the subscription test");
        awaitOperational("admin");
        Instant before = Instant.now().minusSeconds(1);
        StubUpstream admin = upstream("admin");
        admin.stop();
        Instant stopped = Instant.now();
        Map<String, Object> open = Eventually.await("an open admin incident", Duration.ofSeconds(30), () -> {
            List<Map<String, Object>> found = incidentsSince("admin", before);
            return found.isEmpty() ? null : found.get(0);
        });
        assertEquals("investigating", open.get("status"));
        assertEquals("down", open.get("serviceStatus"));
        assertEquals("admin", open.get("service"));
        assertEquals(List.of("admin"), open.get("affectedServices"));
        assertEquals(open.get("startedAt"), open.get("startTime"));
        assertEquals(null, open.get("endedAt"));
        String id = (String) open.get("incidentId");
        api().get("/api/system/services/admin").then().body("data.status", equalTo("down"));
        api().get("/api/system/status").then().body("data.status", equalTo("degraded"));
        api().get("/api/system/health").then().body("data.incidents.incidentId", hasItem(id));
        MailCatcher.Mail down = Eventually.await("the incident mail", Duration.ofSeconds(20), () -> MailCatcher
                .inbox(confirmed).stream().filter(m -> m.subject().contains("admin is down")).findFirst().orElse(null));
        assertTrue(down.raw().contains(id));
        assertTrue(down.raw().contains("/api/system/subscribe/unsubscribe/"), "an unsubscribe link in every mail");

        Eventually.sleep(Math.max(0, 6_000 - Duration.between(stopped, Instant.now()).toMillis()));
        StubUpstream back = new StubUpstream("admin", 4007);
        back.start();
        UPSTREAMS.set(UPSTREAMS.indexOf(admin), back);
        Map<String, Object> resolved = Eventually.await("the admin incident resolved", Duration.ofSeconds(30), () -> {
            Map<String, Object> i = incidentsSince("admin", before).get(0);
            return "resolved".equals(i.get("status")) ? i : null;
        });
        assertEquals(id, resolved.get("incidentId"));
        Instant started = Instant.parse((String) resolved.get("startedAt"));
        Instant ended = Instant.parse((String) resolved.get("endedAt"));
        assertEquals(resolved.get("endedAt"), resolved.get("resolvedTime"));
        long duration = ((Number) resolved.get("durationSeconds")).longValue();
        assertEquals(Duration.between(started, ended).toSeconds(), duration);
        assertTrue(duration >= 4 && duration < 40, "duration " + duration);
        MailCatcher.Mail up = Eventually.await("the all-clear mail", Duration.ofSeconds(20), () -> MailCatcher
                .inbox(confirmed).stream().filter(m -> m.subject().contains("admin is back up")).findFirst()
                .orElse(null));
        assertTrue(up.raw().contains(id));

        // both gateways saw the change; still exactly one incident, one mail each way
        Eventually.sleep(5_000);
        assertEquals(1, incidentsSince("admin", before).size(), "one incident for one outage");
        assertEquals(1, MailCatcher.inbox(confirmed).stream().filter(m -> m.subject().contains("admin is down"))
                .count());
        assertEquals(1, MailCatcher.inbox(confirmed).stream().filter(m -> m.subject().contains("admin is back up"))
                .count());
        // the unconfirmed address got its confirmation request and nothing else
        assertEquals(1, MailCatcher.inbox(unconfirmed).size());

        // the unsubscribe link works once
        String unsubscribe = up.raw().substring(up.raw().indexOf("/api/system/subscribe/unsubscribe/")).split("\\s")[0];
        api().get(unsubscribe).then().statusCode(200).body("data.unsubscribed", equalTo(true));
        api().get(unsubscribe).then().statusCode(404);
    }

    @Test
    @Order(9)
    void theStatusApiIsInTheMergedDocument() {
        Response doc = api().get("/openapi");
        doc.then().statusCode(200);
        Eventually.await("the status paths in /openapi", Duration.ofSeconds(15),
                () -> api().get("/openapi").path("paths.'/api/system/status'.get") != null);
        api().get("/openapi").then().body("paths.'/api/system/subscribe'.post", notNullValue())
                .body("paths.'/api/system/incidents'.get", notNullValue());
    }
}
