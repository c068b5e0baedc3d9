package com.autopilotmonster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * GET /health aggregates the services' readiness: six real HTTP upstreams are ready, content hangs on its
 * readiness probe and admin is not running; then all are ready but one reports Kafka unreachable in its readiness
 * data (DEGRADED, still 200). The gateway's own MicroProfile Health probes stay about the gateway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayHealthIT {

    private static final String[][] READY = {
        {"auth", "4002"}, {"marketplace", "4003"}, {"cart", "4009"}, {"orders", "4004"}, {"users", "4005"},
        {"vendors", "4006"},
    };
    private static final List<StubUpstream> UPSTREAMS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        for (String[] service : READY) {
            UPSTREAMS.add(new StubUpstream(service[0], Integer.parseInt(service[1])));
        }
        UPSTREAMS.add(new StubUpstream("content", 4008).hangingOn("/health/ready"));
        for (StubUpstream upstream : UPSTREAMS) {
            upstream.start();
        }
        ServiceUnderTest.target(4000);
    }

    @AfterAll
    static void stop() {
        UPSTREAMS.forEach(StubUpstream::stop);
    }

    @Test
    @Order(1)
    void oneServiceDownAndOneHangingIsDegradedAndAnsweredWithinTheBound() throws InterruptedException {
        Thread.sleep(1_100); // past the reuse time (gateway.health.cache-ms), so this request fans out afresh
        long started = System.nanoTime();
        Response response = given().get("/health");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        // content would answer after 30 s: the gateway asks all services at once with a 2 s bound
        assertTrue(tookMs < 6_000, "took " + tookMs + " ms");
        response.then().statusCode(200).contentType(containsString("application/json"))
                .header("Cache-Control", "no-store")
                .body("status", equalTo("DEGRADED"))
                .body("services.content.status", equalTo("DOWN"))
                .body("services.content.latencyMs", greaterThanOrEqualTo(1900))
                .body("services.admin.status", equalTo("DOWN"))
                .body("services.admin.error", equalTo("unreachable"))
                .body("services.size()", equalTo(8));
        for (String[] service : READY) {
            response.then().body("services." + service[0] + ".status", equalTo("UP"))
                    .body("services." + service[0] + ".latencyMs", greaterThanOrEqualTo(0));
        }
    }

    @Test
    @Order(2)
    void aServiceReportingKafkaUnreachableMakesThePlatformDegradedNotDown() throws Exception {
        // every service ready this time: content answers, admin runs
        StubUpstream hanging = upstream("content");
        hanging.stop();
        UPSTREAMS.remove(hanging);
        for (StubUpstream added : List.of(new StubUpstream("content", 4008), new StubUpstream("admin", 4007))) {
            added.start();
            UPSTREAMS.add(added);
        }
        // what common-ejb's readiness says during a broker outage: still UP (the outbox holds the events), with
        // the broker state as data; auth's Kafka is fine
        upstream("orders").readyWith("{\"status\":\"UP\",\"checks\":[{\"name\":\"mongodb\",\"status\":\"UP\"},"
                + "{\"name\":\"kafka\",\"status\":\"UP\",\"data\":{\"broker\":\"DOWN\",\"degraded\":true,"
                + "\"outboxPending\":3}}]}");
        upstream("auth").readyWith("{\"status\":\"UP\",\"checks\":[{\"name\":\"kafka\",\"status\":\"UP\","
                + "\"data\":{\"broker\":\"UP\",\"degraded\":false}}]}");
        Eventually.await("the gateway sees the degraded broker", Duration.ofSeconds(5),
                () -> "DEGRADED".equals(given().get("/health").path("services.orders.status")));
        given().get("/health").then().statusCode(200).body("status", equalTo("DEGRADED"))
                .body("services.orders.status", equalTo("DEGRADED"))
                .body("services.orders.degraded", equalTo(List.of("kafka")))
                .body("services.auth.status", equalTo("UP"))
                .body("services.auth.degraded", org.hamcrest.Matchers.nullValue())
                .body("services.content.status", equalTo("UP")).body("services.admin.status", equalTo("UP"));

        // the broker back: every service fully UP, the platform UP
        upstream("orders").readyWith("{\"status\":\"UP\",\"checks\":[{\"name\":\"kafka\",\"status\":\"UP\","
                + "\"data\":{\"broker\":\"UP\",\"degraded\":false}}]}");
        Eventually.await("the platform is UP again", Duration.ofSeconds(5),
                () -> "UP".equals(given().get("/health").path("status")));
        given().get("/health").then().statusCode(200).body("services.orders.status", equalTo("UP"));
    }

    private static StubUpstream upstream(String name) {
        return UPSTREAMS.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @Order(3)
    void theGatewaysOwnProbesReflectOnlyTheGateway() {
        // MicroProfile Health on the public port (passed on from the management port) says UP whatever the
        // services' state: readiness is the gateway's own (its rate limiter and Redis), not the platform's
        for (String probe : new String[] {"/health/live", "/health/ready", "/health/started"}) {
            given().get(probe).then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.name", everyItem(oneOf("rate-limiter", "redis", "mongodb", "kafka", "heap", "gateway")));
        }
        given().get("/health/ready").then().body("checks.name", hasItem("rate-limiter"))
                .body("checks.find { it.name == 'rate-limiter' }.data.mode", equalTo("enforcing"));
        // the same MicroProfile Health answers on the management port, where /metrics lives too
        given().port(4040).get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().port(4040).get("/metrics").then().statusCode(200);
        // neither is served on the public port by Liberty itself
        given().get("/metrics").then().statusCode(404);
        given().get("/health/other").then().statusCode(404).contentType(containsString("application/problem+json"));
    }

    @Test
    @Order(4)
    void everyServiceDownIsDownWith503() {
        UPSTREAMS.forEach(StubUpstream::stop);
        // the answer is reused for up to a second (a burst on /health must not become a burst on every service)
        Eventually.await("the gateway sees every service down", Duration.ofSeconds(5),
                () -> given().get("/health").statusCode() == 503);
        given().get("/health").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("services.auth.status", equalTo("DOWN")).body("services.auth.error", equalTo("unreachable"));
        // the gateway itself is still fine
        given().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
