package com.autopilotmonster.order.api;

import static com.autopilotmonster.order.api.OrderFixtures.RAZORPAY_SECRET;
import static com.autopilotmonster.order.api.OrderFixtures.get;
import static com.autopilotmonster.order.api.OrderFixtures.newUserId;
import static com.autopilotmonster.order.api.OrderFixtures.pay;
import static com.autopilotmonster.order.api.OrderFixtures.product;
import static com.autopilotmonster.order.api.OrderFixtures.razorpaySignature;
import static com.autopilotmonster.order.api.OrderFixtures.razorpayWebhook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Razorpay end to end: an order through razorpay-java (to the stub), webhooks verified by razorpay-java. */
class RazorpayPaymentIT {

    /** 1 x 100.00 + 10 % = 110.00 -> 11000 minor units. */
    private static final long TOTAL = 11000;

    @BeforeAll
    static void servers() {
        OrderFixtures.servers();
    }

    private static String captured(String razorpayOrderId, String orderId, long amount) {
        return captured(razorpayOrderId, orderId, amount, System.currentTimeMillis() / 1000);
    }

    /** {@code orderId} null: a payment without our notes (Razorpay does not copy the order's notes onto it). */
    private static String captured(String razorpayOrderId, String orderId, long amount, long createdAt) {
        return "{\"entity\":\"event\",\"account_id\":\"acc_test\",\"event\":\"payment.captured\",\"contains\":[\"payment\"],"
                + "\"payload\":{\"payment\":{\"entity\":{\"id\":\"pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14)
                + "\",\"entity\":\"payment\",\"amount\":" + amount + ",\"currency\":\"USD\",\"status\":\"captured\","
                + "\"order_id\":\"" + razorpayOrderId + "\"" + (orderId == null ? "" : ",\"notes\":{\"orderId\":\"" + orderId + "\"}")
                + "}}},\"created_at\":" + createdAt + "}";
    }

    private static String refund(String paymentId, String razorpayOrderId, long amount, String currency) {
        return "{\"entity\":\"event\",\"event\":\"refund.processed\",\"contains\":[\"refund\",\"payment\"],"
                + "\"payload\":{\"refund\":{\"entity\":{\"id\":\"rfnd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14)
                + "\",\"payment_id\":\"" + paymentId + "\",\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}},"
                + "\"payment\":{\"entity\":{\"id\":\"" + paymentId + "\",\"order_id\":\"" + razorpayOrderId + "\",\"amount\":"
                + amount + ",\"currency\":\"" + currency + "\"}}},\"created_at\":" + (System.currentTimeMillis() / 1000) + "}";
    }

    private static io.restassured.response.ValidatableResponse signed(String payload, String headerId) {
        return razorpayWebhook(payload, razorpaySignature(payload, RAZORPAY_SECRET), headerId);
    }

    @Test
    void razorpayOrderThenSignedCaptureCompletesTheOrderOnceAndRefundRefundsIt() {
        String userId = newUserId();
        String token = TestTokens.user(userId);
        String orderId = OrderFixtures.order(token, product("Razorpay agent", 100, "active"), 1).getString("data.orderId");
        String razorpayOrderId = "order_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        ProviderStub.razorpayOrder(orderId, razorpayOrderId);
        pay(token, orderId, "razorpay").statusCode(200).body("data.razorpayOrderId", equalTo(razorpayOrderId))
                .body("data.keyId", equalTo("rzp_test_order_it")).body("data.clientSecret", nullValue());
        assertEquals(1, ProviderStub.razorpayCalls(orderId, TOTAL), "amount in minor units, with the key's basic auth");
        get(token, orderId).body("data.paymentIntent", equalTo(razorpayOrderId)).body("data.paymentMethod", equalTo("razorpay"));

        String payload = captured(razorpayOrderId, orderId, TOTAL);
        razorpayWebhook(payload, null, "evt_rzp_1").statusCode(400).contentType(containsString("application/problem+json"));
        razorpayWebhook(payload, razorpaySignature(payload, "not-the-secret"), "evt_rzp_1").statusCode(400);
        razorpayWebhook(payload.replace("11000", "1"), razorpaySignature(payload, RAZORPAY_SECRET), "evt_rzp_1").statusCode(400);
        get(token, orderId).body("data.paymentStatus", equalTo("pending"));

        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        razorpayWebhook(payload, razorpaySignature(payload, RAZORPAY_SECRET), eventId).statusCode(200)
                .body("outcome", equalTo("applied"));
        razorpayWebhook(payload, razorpaySignature(payload, RAZORPAY_SECRET), eventId).statusCode(200)
                .body("outcome", equalTo("duplicate"));
        // a replay under a fresh (unsigned) header id, or none, is still the same signed event
        signed(payload, "evt_replayed_" + UUID.randomUUID()).statusCode(200).body("outcome", equalTo("duplicate"));
        signed(payload, null).statusCode(200).body("outcome", equalTo("duplicate"));
        get(token, orderId).body("data.status", equalTo("completed")).body("data.paymentStatus", equalTo("paid"));
        KafkaTopicReader.Event success = KafkaTopicReader.awaitRecord("payment.success", Duration.ofSeconds(30),
                e -> e.value().contains(orderId));
        assertEquals("razorpay", JsonPath.from(success.value()).getString("paymentMethod"));
        assertEquals(110.0f, JsonPath.from(success.value()).getFloat("amount"));

        // a failure delivered after the capture is refused; the full refund marks the order refunded
        String failed = captured(razorpayOrderId, orderId, TOTAL).replace("payment.captured", "payment.failed")
                .replace("\"captured\"", "\"failed\"");
        razorpayWebhook(failed, razorpaySignature(failed, RAZORPAY_SECRET), "evt_f_" + UUID.randomUUID()).statusCode(200)
                .body("outcome", equalTo("refused"));
        String paymentId = JsonPath.from(payload).getString("payload.payment.entity.id");
        // a refund of another payment of the same Razorpay order, or in another currency: acknowledged, not applied
        signed(refund("pay_not_the_orders", razorpayOrderId, TOTAL, "USD"), null).statusCode(200)
                .body("outcome", equalTo("mismatch"));
        signed(refund(paymentId, razorpayOrderId, TOTAL, "INR"), null).statusCode(200).body("outcome", equalTo("mismatch"));
        get(token, orderId).body("data.status", equalTo("completed"));
        signed(refund(paymentId, razorpayOrderId, TOTAL, "USD"), "evt_r_" + UUID.randomUUID()).statusCode(200)
                .body("outcome", equalTo("applied"));
        get(token, orderId).body("data.status", equalTo("refunded")).body("data.paymentStatus", equalTo("refunded"));
    }

    @Test
    void eventsOutsideTheSignedCreatedAtWindowAreRefused() {
        String token = TestTokens.user(newUserId());
        String orderId = OrderFixtures.order(token, product("Razorpay replay", 100, "active"), 1).getString("data.orderId");
        String razorpayOrderId = "order_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        ProviderStub.razorpayOrder(orderId, razorpayOrderId);
        pay(token, orderId, "razorpay").statusCode(200);
        long now = System.currentTimeMillis() / 1000;
        // signed correctly, but captured 26 h ago (Razorpay stops retrying after 24 h), from the future, or undated
        signed(captured(razorpayOrderId, orderId, TOTAL, now - 26 * 3600), "evt_" + UUID.randomUUID()).statusCode(400)
                .contentType(containsString("application/problem+json"));
        signed(captured(razorpayOrderId, orderId, TOTAL, now + 3600), "evt_" + UUID.randomUUID()).statusCode(400);
        String undated = captured(razorpayOrderId, orderId, TOTAL).replaceAll(",\"created_at\":\\d+", "");
        signed(undated, "evt_" + UUID.randomUUID()).statusCode(400);
        get(token, orderId).body("data.paymentStatus", equalTo("pending"));
        signed(captured(razorpayOrderId, orderId, TOTAL, now - 23 * 3600), null).statusCode(200)
                .body("outcome", equalTo("applied"));
    }

    @Test
    void anotherMethodIsRefusedOnceARazorpayPaymentIsAuthorizedAndACaptureOnASupersededOrderIsRefunded() {
        String token = TestTokens.user(newUserId());
        String orderId = OrderFixtures.order(token, product("Razorpay switch", 100, "active"), 1).getString("data.orderId");
        String razorpayOrderId = "order_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        ProviderStub.razorpayOrder(orderId, razorpayOrderId);
        pay(token, orderId, "razorpay").statusCode(200);
        ProviderStub.stripeIntent(orderId, "pi_switch_" + orderId.substring(12));
        // the customer's payment is authorized at Razorpay: no second method, nor a cancellation
        ProviderStub.razorpayPayments(razorpayOrderId, "failed", "authorized");
        pay(token, orderId, "stripe").statusCode(409).contentType(containsString("application/problem+json"));
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .post("/api/orders/{id}/cancel", orderId).then().statusCode(409);
        assertEquals(0, ProviderStub.stripeCalls(orderId), "no Stripe intent was created");
        // only failed attempts: the switch goes ahead (Razorpay orders cannot be cancelled: the old one is remembered)
        ProviderStub.razorpayPayments(razorpayOrderId, "failed");
        pay(token, orderId, "stripe").statusCode(200).body("data.paymentIntentId", equalTo("pi_switch_" + orderId.substring(12)));
        // the customer still pays the superseded Razorpay order: refunded at Razorpay, the order does not count it
        String late = captured(razorpayOrderId, null, TOTAL);
        String latePayment = JsonPath.from(late).getString("payload.payment.entity.id");
        signed(late, null).statusCode(200).body("outcome", equalTo("refunded"));
        assertEquals(1, ProviderStub.calls("/v1/payments/" + latePayment + "/refund"));
        get(token, orderId).body("data.paymentStatus", equalTo("pending"))
                .body("data.paymentIntent", equalTo("pi_switch_" + orderId.substring(12)));
    }

    @Test
    void capturedAmountMismatchIsFlagged() {
        String token = TestTokens.user(newUserId());
        String orderId = OrderFixtures.order(token, product("Razorpay mismatch", 100, "active"), 1).getString("data.orderId");
        String razorpayOrderId = "order_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        ProviderStub.razorpayOrder(orderId, razorpayOrderId);
        pay(token, orderId, "razorpay").statusCode(200);
        String payload = captured(razorpayOrderId, orderId, 500);
        razorpayWebhook(payload, razorpaySignature(payload, RAZORPAY_SECRET), "evt_" + UUID.randomUUID()).statusCode(200)
                .body("outcome", equalTo("flagged"));
        get(token, orderId).body("data.paymentStatus", equalTo("pending")).body("data.needsReview", equalTo(true));
    }

    @Test
    void razorpayDownAnswers503AndLeavesTheOrderUntouched() {
        String token = TestTokens.user(newUserId());
        String orderId = OrderFixtures.order(token, product("Razorpay outage", 10, "active"), 1).getString("data.orderId");
        ProviderStub.razorpayDown(orderId);
        pay(token, orderId, "razorpay").statusCode(503).contentType(containsString("application/problem+json"));
        get(token, orderId).body("data.status", equalTo("pending")).body("data.paymentIntent", nullValue());
    }
}
