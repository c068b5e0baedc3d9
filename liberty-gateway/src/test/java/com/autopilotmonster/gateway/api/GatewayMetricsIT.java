package com.autopilotmonster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.PrometheusMetrics;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The gateway's metrics as Prometheus scrapes them from its management port (4040): a rate-limit refusal counts
 * under its rule, every route's breaker reports exactly one state, and every name the dashboard may query for the
 * gateway ({@code deploy/grafana/exposed-metrics.txt}) is exposed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayMetricsIT {

    private static final String METRICS = "http://127.0.0.1:4040/metrics";
    /** A strict per-address rule answered by the gateway itself (status subscriptions): 10 per window. */
    private static final String RULE = "POST /api/system/subscribe";

    @BeforeAll
    static void gateway() {
        ServiceUnderTest.target(4000);
    }

    @Test
    @Order(1)
    void aRateLimitRefusalIsCountedUnderItsRule() {
        PrometheusMetrics before = PrometheusMetrics.scrape(METRICS);
        String address = "203.0.113." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID().toString().substring(0, 6);
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            int status = given().header("X-Forwarded-For", address).contentType("application/json").body("{}")
                    .post("/api/system/subscribe").statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertEquals(2, refused, "10 pass the rule, the 11th and 12th are refused");
        PrometheusMetrics after = PrometheusMetrics.scrape(METRICS);
        Map<String, String> rule = Map.of("rule", RULE);
        assertEquals(2, after.sum("gateway_rate_limit_refusals_total", rule)
                - before.sum("gateway_rate_limit_refusals_total", rule), after.find("gateway_rate_limit_refusals_total", Map.of()).toString());
    }

    @Test
    @Order(2)
    void everyRoutesBreakerIsInExactlyOneState() {
        PrometheusMetrics now = PrometheusMetrics.scrape(METRICS);
        for (String route : List.of("auth", "marketplace", "cart", "orders", "users", "vendors", "content", "admin")) {
            List<PrometheusMetrics.Sample> states = now.find("gateway_circuit_breaker_state", Map.of("route", route));
            assertEquals(3, states.size(), route + ": closed, open, half_open - " + states);
            assertEquals(1, states.stream().mapToDouble(PrometheusMetrics.Sample::value).sum(), route + ": " + states);
            assertTrue(states.stream().allMatch(s -> List.of("closed", "open", "half_open").contains(s.labels().get("state"))));
        }
    }

    @Test
    @Order(3)
    void everyNameTheDashboardMayQueryForTheGatewayIsExposed() {
        PrometheusMetrics now = PrometheusMetrics.scrape(METRICS);
        List<String> promised = PrometheusMetrics.promisedBy("gateway");
        assertFalse(promised.isEmpty());
        List<String> missing = promised.stream().filter(name -> now.find(name, Map.of()).isEmpty()).toList();
        assertTrue(missing.isEmpty(), "promised but not exposed by the gateway: " + missing + "; exposed: " + now.names());
    }
}
