package com.autopilotmonster.order.api;

import static com.autopilotmonster.order.api.OrderFixtures.RAZORPAY_SECRET;
import static com.autopilotmonster.order.api.OrderFixtures.get;
import static com.autopilotmonster.order.api.OrderFixtures.newUserId;
import static com.autopilotmonster.order.api.OrderFixtures.pay;
import static com.autopilotmonster.order.api.OrderFixtures.product;
import static com.autopilotmonster.order.api.OrderFixtures.razorpaySignature;
import static com.autopilotmonster.order.api.OrderFixtures.razorpayWebhook;
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
        return "{\"entity\":\"event\",\"account_id\":\"acc_test\",\"event\":\"payment.captured\",\"contains\":[\"payment\"],"
                + "\"payload\":{\"payment\":{\"entity\":{\"id\":\"pay_" + UUID.randomUUID().toString().substring(0, 14)
                + "\",\"entity\":\"payment\",\"amount\":" + amount + ",\"currency\":\"USD\",\"status\":\"captured\","
                + "\"order_id\":\"" + razorpayOrderId + "\",\"notes\":{\"orderId\":\"" + orderId + "\"}}}},\"created_at\":"
                + (System.currentTimeMillis() / 1000) + "}";
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
        String refund = "{\"entity\":\"event\",\"event\":\"refund.processed\",\"contains\":[\"refund\",\"payment\"],"
                + "\"payload\":{\"refund\":{\"entity\":{\"id\":\"rfnd_1\",\"payment_id\":\"" + paymentId
                + "\",\"amount\":" + TOTAL + ",\"currency\":\"USD\"}},\"payment\":{\"entity\":{\"id\":\"" + paymentId
                + "\",\"order_id\":\"" + razorpayOrderId + "\",\"amount\":" + TOTAL + ",\"currency\":\"USD\"}}}}";
        razorpayWebhook(refund, razorpaySignature(refund, RAZORPAY_SECRET), "evt_r_" + UUID.randomUUID()).statusCode(200)
                .body("outcome", equalTo("applied"));
        get(token, orderId).body("data.status", equalTo("refunded")).body("data.paymentStatus", equalTo("refunded"));
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
