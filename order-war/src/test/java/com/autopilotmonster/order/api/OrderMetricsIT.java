package com.autopilotmonster.order.api;

import static com.autopilotmonster.order.api.OrderFixtures.newUserId;
import static com.autopilotmonster.order.api.OrderFixtures.pay;
import static com.autopilotmonster.order.api.OrderFixtures.product;
import static com.autopilotmonster.order.api.OrderFixtures.signedStripe;
import static com.autopilotmonster.order.api.OrderFixtures.stripeEvent;
import static com.autopilotmonster.order.api.OrderFixtures.stripeWebhook;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.PrometheusMetrics;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The order service's business metrics as Prometheus scrapes them from the running order server's /metrics:
 * after a checkout, a payment, a failure, a refund and webhooks the counters moved by exactly one with the right
 * currency/provider/outcome tags, the checkout latency was recorded (count, sum, histogram buckets), and every
 * name the dashboard may query for the order service ({@code deploy/grafana/exposed-metrics.txt}) is exposed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderMetricsIT {

    private static final String METRICS = "http://localhost:4104/metrics";
    private static final Map<String, String> USD_STRIPE = Map.of("currency", "USD", "provider", "stripe");
    /** 1 x 10.00 + 10 % tax = 11.00 -> 1100 cents. */
    private static final long TOTAL_CENTS = 1100;

    @BeforeAll
    static void servers() {
        OrderFixtures.servers();
    }

    private record Placed(String token, String orderId, String intentId) {
    }

    private static Placed placeAndStartPayment() {
        String token = TestTokens.user(newUserId());
        JsonPath order = OrderFixtures.order(token, product("Metered agent", 10.00, "active"), 1);
        String orderId = order.getString("data.orderId");
        String intentId = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        ProviderStub.stripeIntent(orderId, intentId);
        pay(token, orderId, "stripe").statusCode(200);
        return new Placed(token, orderId, intentId);
    }

    private static String eventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static PrometheusMetrics scrape() {
        return PrometheusMetrics.scrape(METRICS);
    }

    private static double delta(PrometheusMetrics before, PrometheusMetrics after, String name, Map<String, String> tags) {
        return after.sum(name, tags) - before.sum(name, tags);
    }

    @Test
    @Order(1)
    void checkoutPaymentRefundAndWebhooksMoveTheirCountersWithTheirTags() {
        PrometheusMetrics before = scrape();
        Placed p = placeAndStartPayment();
        String success = stripeEvent(eventId(), "payment_intent.succeeded", p.intentId(), p.orderId(), TOTAL_CENTS, "usd");
        signedStripe(success).statusCode(200).body("outcome", equalTo("applied"));
        signedStripe(success).statusCode(200).body("outcome", equalTo("duplicate"));
        stripeWebhook(success, "t=1,v1=forged").statusCode(400);
        signedStripe(OrderFixtures.stripeRefundEvent(eventId(), p.intentId(), TOTAL_CENTS)).statusCode(200)
                .body("outcome", equalTo("applied"));
        Placed declined = placeAndStartPayment();
        signedStripe(stripeEvent(eventId(), "payment_intent.payment_failed", declined.intentId(), declined.orderId(),
                TOTAL_CENTS, "usd")).statusCode(200).body("outcome", equalTo("applied"));
        PrometheusMetrics after = scrape();

        assertEquals(2, delta(before, after, "orders_created_total", USD_STRIPE), "two orders placed");
        assertEquals(1, delta(before, after, "orders_paid_total", USD_STRIPE));
        assertEquals(1, delta(before, after, "orders_refunded_total", USD_STRIPE));
        assertEquals(1, delta(before, after, "orders_payment_failed_total", USD_STRIPE));
        assertEquals(0, delta(before, after, "orders_paid_total", Map.of("provider", "razorpay")));
        assertEquals(3, delta(before, after, "payment_webhooks_total", Map.of("provider", "stripe", "outcome", "applied")),
                "success, refund and failure applied");
        assertEquals(1, delta(before, after, "payment_webhooks_total", Map.of("provider", "stripe", "outcome", "duplicate")));
        assertEquals(1, delta(before, after, "payment_webhooks_total", Map.of("provider", "stripe", "outcome", "rejected")),
                "a forged signature counts as rejected");
        assertEquals(0, delta(before, after, "payment_webhooks_total", Map.of("provider", "razorpay")));
    }

    @Test
    @Order(2)
    void checkoutLatencyIsRecordedPerOutcomeWithHistogramBuckets() {
        PrometheusMetrics before = scrape();
        String token = TestTokens.user(newUserId());
        OrderFixtures.order(token, product("Timed agent", 5.00, "active"), 1);
        // an inactive product cannot be ordered: a refused checkout, timed under its own outcome
        int refused = OrderFixtures.create(token, OrderFixtures.explicitOrder(product("Withdrawn agent", 5.00, "inactive"), 1))
                .extract().statusCode();
        assertTrue(refused >= 400 && refused < 500, "refused with " + refused);
        PrometheusMetrics after = scrape();

        Map<String, String> created = Map.of("outcome", "created");
        assertEquals(1, delta(before, after, "checkout_duration_seconds_count", created));
        assertEquals(1, delta(before, after, "checkout_duration_seconds_count", Map.of("outcome", "refused")));
        double seconds = delta(before, after, "checkout_duration_seconds_sum", created);
        assertTrue(seconds > 0 && seconds < 30, "one checkout took " + seconds + " s");
        List<PrometheusMetrics.Sample> buckets = after.find("checkout_duration_seconds_bucket", created);
        assertTrue(buckets.stream().anyMatch(b -> "0.5".equals(b.labels().get("le"))), "configured buckets: " + buckets);
        assertTrue(buckets.stream().anyMatch(b -> "+Inf".equals(b.labels().get("le"))), buckets.toString());
    }

    @Test
    @Order(3)
    void everyCheckoutOutcomeHasItsTimerFromTheStart() {
        // registered by the start-up warm-up; "error" (a 5xx checkout) happens in no test of this server
        PrometheusMetrics now = scrape();
        for (String outcome : com.autopilotmonster.order.domain.OrderMetrics.CHECKOUT_OUTCOMES) {
            assertTrue(!now.find("checkout_duration_seconds_count", Map.of("outcome", outcome)).isEmpty(),
                    "checkout_duration_seconds_count{outcome=" + outcome + "}");
        }
    }

    @Test
    @Order(4)
    void everyNameTheDashboardMayQueryForTheOrderServiceIsExposed() {
        // counters appear at their first increment: the earlier tests made every promised one move
        PrometheusMetrics now = scrape();
        List<String> promised = PrometheusMetrics.promisedBy("order");
        assertFalse(promised.isEmpty(), PrometheusMetrics.exposedList() + " lists the order service's metrics");
        List<String> missing = promised.stream().filter(name -> now.find(name, Map.of()).isEmpty()).toList();
        assertTrue(missing.isEmpty(), "promised but not exposed by the order server: " + missing + "; exposed: "
                + now.names());
    }
}
