package com.autopilotmonster.order.api;

import static com.autopilotmonster.order.api.OrderFixtures.STRIPE_SECRET;
import static com.autopilotmonster.order.api.OrderFixtures.get;
import static com.autopilotmonster.order.api.OrderFixtures.newUserId;
import static com.autopilotmonster.order.api.OrderFixtures.pay;
import static com.autopilotmonster.order.api.OrderFixtures.product;
import static com.autopilotmonster.order.api.OrderFixtures.signedStripe;
import static com.autopilotmonster.order.api.OrderFixtures.stripeEvent;
import static com.autopilotmonster.order.api.OrderFixtures.stripeHeader;
import static com.autopilotmonster.order.api.OrderFixtures.stripeWebhook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stripe end to end against the real order server: PaymentIntent through stripe-java (to the WireMock
 * stub), webhooks signed as Stripe signs them and verified by stripe-java on the server.
 */
class StripePaymentIT {

    /** 2 x 24.50 = 49.00 + 10 % tax = 53.90 -> 5390 cents. */
    private static final long TOTAL_CENTS = 5390;

    @BeforeAll
    static void servers() {
        OrderFixtures.servers();
    }

    private record Placed(String userId, String token, String id, String orderId, String intentId) {
    }

    private static Placed placeAndStartPayment() {
        String userId = newUserId();
        String token = TestTokens.user(userId);
        JsonPath order = OrderFixtures.order(token, product("Stripe agent", 24.50, "active"), 2);
        String orderId = order.getString("data.orderId");
        String intentId = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        ProviderStub.stripeIntent(orderId, intentId);
        pay(token, orderId, "stripe").statusCode(200).body("data.paymentIntentId", equalTo(intentId))
                .body("data.clientSecret", equalTo(intentId + "_secret_stub")).body("data.amountMinor", equalTo(5390))
                .body("data.mode", equalTo("live"));
        return new Placed(userId, token, order.getString("data._id"), orderId, intentId);
    }

    private static String succeeded(Placed p, String eventId) {
        return stripeEvent(eventId, "payment_intent.succeeded", p.intentId(), p.orderId(), TOTAL_CENTS, "usd");
    }

    private static String eventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void paymentIntentIsCreatedInMinorUnitsAndStoredOnTheOrder() {
        Placed p = placeAndStartPayment();
        assertEquals(1, ProviderStub.stripeCalls(p.orderId(), "amount=5390", "currency=usd"));
        get(p.token(), p.id()).statusCode(200).body("data.paymentIntent", equalTo(p.intentId()))
                .body("data.paymentMethod", equalTo("stripe")).body("data.status", equalTo("processing"))
                .body("data.paymentStatus", equalTo("pending"));
        // the payment step is the customer's: an admin or a stranger cannot start it
        pay(OrderFixtures.admin(), p.orderId(), "stripe").statusCode(403);
        pay(p.token(), p.orderId(), "paypal").statusCode(400);
    }

    @Test
    void signedSuccessCompletesTheOrderOncePublishesPaymentSuccessAndLaterEventsAreRefused() {
        Placed p = placeAndStartPayment();
        String event = eventId();
        String payload = succeeded(p, event);
        signedStripe(payload).statusCode(200).body("received", equalTo(true)).body("outcome", equalTo("applied"))
                .body("success", nullValue());
        get(p.token(), p.orderId()).statusCode(200).body("data.status", equalTo("completed"))
                .body("data.paymentStatus", equalTo("paid"));
        // GET /api/stats (the web client's order statistics): the paid order counts as spent
        given().auth().oauth2(p.token()).get("/api/stats").then().statusCode(200)
                .body("data.totalOrders", equalTo(1)).body("data.byStatus.completed", equalTo(1))
                .body("data.byStatus.pending", equalTo(0)).body("data.totalSpent", equalTo(53.9f))
                .body("data.currency", equalTo("USD")).body("data.stats[0]._id", equalTo("completed"))
                .body("data.stats[0].count", equalTo(1)).body("data.stats[0].totalAmount", equalTo(53.9f));

        KafkaTopicReader.Event success = KafkaTopicReader.awaitRecord("payment.success", Duration.ofSeconds(30),
                e -> e.value().contains(p.orderId()));
        JsonPath body = JsonPath.from(success.value());
        assertEquals(p.userId(), body.getString("userId"));
        assertEquals(53.9f, body.getFloat("amount"));
        assertEquals("USD", body.getString("currency"));
        assertEquals("stripe", body.getString("paymentMethod"));
        assertEquals(p.intentId(), body.getString("paymentId"));
        assertEquals(2, body.getInt("items[0].quantity"));
        assertNotNull(body.getString("items[0].price"), "paid lines carry their unit price (vendor earnings)");
        assertNotNull(body.getString("items[0].productName"));
        assertTrue(body.getString("items[0].vendorId") != null && body.getString("timestamp") != null);

        // the same event again (Stripe retries), and the same event re-signed later: one effect
        signedStripe(payload).statusCode(200).body("outcome", equalTo("duplicate"));
        signedStripe(payload).statusCode(200).body("outcome", equalTo("duplicate"));
        // another success event for the same intent: the state machine refuses paid -> paid
        signedStripe(succeeded(p, eventId())).statusCode(200).body("outcome", equalTo("refused"));
        // a failure that arrives after the success (out of order): refused, the order stays paid
        signedStripe(stripeEvent(eventId(), "payment_intent.payment_failed", p.intentId(), p.orderId(), TOTAL_CENTS, "usd"))
                .statusCode(200).body("outcome", equalTo("refused"));
        get(p.token(), p.orderId()).body("data.status", equalTo("completed")).body("data.paymentStatus", equalTo("paid"));
        assertEquals(1, OrderFixtures.countRecords("payment.success", Duration.ofSeconds(5), v -> v.contains(p.orderId())));
        assertEquals(0, OrderFixtures.countRecords("payment.failed", Duration.ofSeconds(2), v -> v.contains(p.orderId())));

        // paid orders cannot be cancelled or paid again
        given().auth().oauth2(p.token()).contentType(ContentType.JSON).body("{\"reason\":\"changed my mind\"}")
                .post("/api/orders/{id}/cancel", p.orderId()).then().statusCode(409)
                .contentType(containsString("application/problem+json"));
        pay(p.token(), p.orderId(), "stripe").statusCode(409);

        // the transaction log tells the story, to admins only
        String admin = OrderFixtures.admin();
        given().auth().oauth2(admin).get("/api/orders/{id}/transactions", p.orderId()).then().statusCode(200)
                .body("data.transactions.outcome", hasItem("created")).body("data.transactions.outcome", hasItem("applied"))
                .body("data.transactions.outcome", hasItem("duplicate")).body("data.transactions.outcome", hasItem("refused"))
                .body("data.transactions.find { it.outcome == 'applied' }.eventId", equalTo(event))
                .body("data.transactions.find { it.outcome == 'applied' }.amount", equalTo(53.9f));
        given().auth().oauth2(admin).get("/api/orders/admin/transactions?orderId=" + p.orderId() + "&outcome=refused")
                .then().statusCode(200).body("data.pagination.total", equalTo(2));
        given().auth().oauth2(p.token()).get("/api/orders/{id}/transactions", p.orderId()).then().statusCode(403);
        given().auth().oauth2(p.token()).get("/api/orders/admin/transactions").then().statusCode(403);
    }

    @Test
    void unsignedForgedAndStaleEventsAre400AndChangeNothing() {
        Placed p = placeAndStartPayment();
        String payload = succeeded(p, eventId());
        long now = Instant.now().getEpochSecond();
        stripeWebhook(payload, null).statusCode(400).contentType(containsString("application/problem+json"));
        stripeWebhook(payload, "garbage").statusCode(400);
        stripeWebhook(payload, stripeHeader(payload, "whsec_someone_else", now)).statusCode(400);
        stripeWebhook(payload, stripeHeader(payload, STRIPE_SECRET, now - 600)).statusCode(400);
        // signed, then the amount edited in transit
        stripeWebhook(payload.replace("5390", "1"), stripeHeader(payload, STRIPE_SECRET, now)).statusCode(400);
        get(p.token(), p.orderId()).body("data.status", equalTo("processing")).body("data.paymentStatus", equalTo("pending"))
                .body("data.needsReview", equalTo(false));
        // none of them burnt the event id: the genuine delivery still works
        signedStripe(payload).statusCode(200).body("outcome", equalTo("applied"));
    }

    @Test
    void amountOrCurrencyMismatchFlagsTheOrderForReviewInsteadOfPayingIt() {
        Placed p = placeAndStartPayment();
        signedStripe(stripeEvent(eventId(), "payment_intent.succeeded", p.intentId(), p.orderId(), 100, "usd"))
                .statusCode(200).body("outcome", equalTo("flagged"));
        get(p.token(), p.orderId()).body("data.paymentStatus", equalTo("pending")).body("data.needsReview", equalTo(true))
                .body("data.reviewReason", containsString("amount mismatch"));
        signedStripe(stripeEvent(eventId(), "payment_intent.succeeded", p.intentId(), p.orderId(), TOTAL_CENTS, "eur"))
                .statusCode(200).body("outcome", equalTo("flagged"));
        given().auth().oauth2(OrderFixtures.admin()).get("/api/orders?needsReview=true&userId=" + p.userId())
                .then().statusCode(200).body("data.pagination.total", equalTo(1));
        assertEquals(0, OrderFixtures.countRecords("payment.success", Duration.ofSeconds(3), v -> v.contains(p.orderId())));
    }

    @Test
    void failedPaymentPublishesPaymentFailedAndTheCustomerMayRetry() {
        Placed p = placeAndStartPayment();
        signedStripe(stripeEvent(eventId(), "payment_intent.payment_failed", p.intentId(), p.orderId(), TOTAL_CENTS, "usd"))
                .statusCode(200).body("outcome", equalTo("applied"));
        get(p.token(), p.orderId()).body("data.paymentStatus", equalTo("failed")).body("data.status", equalTo("processing"));
        KafkaTopicReader.Event failed = KafkaTopicReader.awaitRecord("payment.failed", Duration.ofSeconds(30),
                e -> e.value().contains(p.orderId()));
        assertEquals("Your card was declined.", JsonPath.from(failed.value()).getString("reason"));
        // a later successful attempt of the same intent pays the order
        signedStripe(succeeded(p, eventId())).statusCode(200).body("outcome", equalTo("applied"));
        get(p.token(), p.orderId()).body("data.paymentStatus", equalTo("paid"));
    }

    @Test
    void refundMarksTheOrderRefunded() {
        Placed p = placeAndStartPayment();
        signedStripe(succeeded(p, eventId())).statusCode(200).body("outcome", equalTo("applied"));
        // a refund of another payment (even naming this order) or in another currency: acknowledged, not applied
        signedStripe(OrderFixtures.stripeRefundEvent(eventId(), "pi_someone_elses", TOTAL_CENTS, "usd", p.orderId()))
                .statusCode(200).body("outcome", equalTo("mismatch"));
        signedStripe(OrderFixtures.stripeRefundEvent(eventId(), p.intentId(), TOTAL_CENTS, "eur", null)).statusCode(200)
                .body("outcome", equalTo("mismatch"));
        get(p.token(), p.orderId()).body("data.status", equalTo("completed")).body("data.paymentStatus", equalTo("paid"));
        given().auth().oauth2(OrderFixtures.admin()).get("/api/orders/admin/transactions?orderId=" + p.orderId()
                + "&outcome=mismatch").then().statusCode(200).body("data.pagination.total", equalTo(2));
        signedStripe(OrderFixtures.stripeRefundEvent(eventId(), p.intentId(), TOTAL_CENTS)).statusCode(200)
                .body("outcome", equalTo("applied"));
        get(p.token(), p.orderId()).body("data.status", equalTo("refunded")).body("data.paymentStatus", equalTo("refunded"));
        // refunded money is not spent
        given().auth().oauth2(p.token()).get("/api/stats").then().statusCode(200)
                .body("data.byStatus.refunded", equalTo(1)).body("data.byStatus.completed", equalTo(0))
                .body("data.totalSpent", equalTo(0.0f));
        KafkaTopicReader.Event refunded = KafkaTopicReader.awaitRecord("order.refunded", Duration.ofSeconds(30),
                e -> e.value().contains(p.orderId()));
        JsonPath refund = JsonPath.from(refunded.value());
        assertEquals(p.userId(), refund.getString("userId"));
        assertEquals(p.intentId(), refund.getString("paymentId"));
        assertEquals(2, refund.getInt("items[0].quantity"));
        // a success delivered after the refund (out of order) does not resurrect the payment
        signedStripe(succeeded(p, eventId())).statusCode(200).body("outcome", equalTo("refused"));
        get(p.token(), p.orderId()).body("data.paymentStatus", equalTo("refunded"));
    }

    @Test
    void cancelWhileUnpaidCancelsTheIntentAtStripePublishesOrderCancelledAndALatePaymentIsRefunded() {
        Placed p = placeAndStartPayment();
        given().auth().oauth2(p.token()).contentType(ContentType.JSON).body("{\"reason\":\"ordered twice\"}")
                .post("/api/orders/{id}/cancel", p.orderId()).then().statusCode(200)
                .body("data.status", equalTo("cancelled")).body("message", equalTo("Order cancelled"));
        assertEquals(1, ProviderStub.calls("/v1/payment_intents/" + p.intentId() + "/cancel"),
                "the intent can no longer be paid at Stripe");
        KafkaTopicReader.Event cancelled = KafkaTopicReader.awaitRecord("order.cancelled", Duration.ofSeconds(30),
                e -> e.value().contains(p.orderId()));
        assertEquals("ordered twice", JsonPath.from(cancelled.value()).getString("reason"));
        assertEquals(p.userId(), JsonPath.from(cancelled.value()).getString("userId"));
        // cancelled is final
        given().auth().oauth2(p.token()).contentType(ContentType.JSON).body("{}")
                .post("/api/orders/{id}/cancel", p.orderId()).then().statusCode(409);
        pay(p.token(), p.orderId(), "stripe").statusCode(409);
        // the customer's money arrives anyway (a payment Stripe took before the cancel): given back at once
        signedStripe(succeeded(p, eventId())).statusCode(200).body("outcome", equalTo("refunded"));
        assertEquals(1, ProviderStub.stripeCallsTo("/v1/refunds", "payment_intent=" + p.intentId()));
        get(p.token(), p.orderId()).body("data.status", equalTo("cancelled")).body("data.paymentStatus", equalTo("pending"));
    }

    @Test
    void cancelAndAnotherMethodAreRefusedOnceAPaymentStartedAtStripe() {
        Placed p = placeAndStartPayment();
        ProviderStub.stripeIntentStatus(p.intentId(), "processing");
        ProviderStub.razorpayOrder(p.orderId(), "order_never_" + p.orderId().substring(12));
        given().auth().oauth2(p.token()).contentType(ContentType.JSON).body("{}")
                .post("/api/orders/{id}/cancel", p.orderId()).then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("detail", containsString("already started"));
        pay(p.token(), p.orderId(), "razorpay").statusCode(409).contentType(containsString("application/problem+json"));
        assertEquals(0, ProviderStub.calls("/v1/payment_intents/" + p.intentId() + "/cancel"));
        assertEquals(0, ProviderStub.start().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v1/orders")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(p.orderId()))).size(), "no second payable order");
        get(p.token(), p.orderId()).body("data.status", equalTo("processing")).body("data.paymentIntent", equalTo(p.intentId()));
        // Stripe cannot be asked: 503, the order stays as it was
        Placed q = placeAndStartPayment();
        ProviderStub.stripeIntentDown(q.intentId());
        given().auth().oauth2(q.token()).contentType(ContentType.JSON).body("{}")
                .post("/api/orders/{id}/cancel", q.orderId()).then().statusCode(503);
        get(q.token(), q.orderId()).body("data.status", equalTo("processing"));
    }

    @Test
    void switchingToRazorpayCancelsTheStripeIntentAndRepeatingItAnswersTheSameRazorpayOrder() {
        Placed p = placeAndStartPayment();
        String razorpayOrderId = "order_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        ProviderStub.razorpayOrder(p.orderId(), razorpayOrderId);
        pay(p.token(), p.orderId(), "razorpay").statusCode(200).body("data.razorpayOrderId", equalTo(razorpayOrderId));
        assertEquals(1, ProviderStub.calls("/v1/payment_intents/" + p.intentId() + "/cancel"));
        pay(p.token(), p.orderId(), "razorpay").statusCode(200).body("data.razorpayOrderId", equalTo(razorpayOrderId));
        assertEquals(1, ProviderStub.razorpayCalls(p.orderId(), TOTAL_CENTS), "one Razorpay order, answered again");
        get(p.token(), p.orderId()).body("data.paymentIntent", equalTo(razorpayOrderId))
                .body("data.paymentMethod", equalTo("razorpay"));
        // a success reported for the cancelled intent (it cannot happen at Stripe; forged or stale): never paid
        signedStripe(succeeded(p, eventId())).statusCode(200).body("outcome", equalTo("refunded"));
        get(p.token(), p.orderId()).body("data.paymentStatus", equalTo("pending"));
    }

    @Test
    void providerDownAnswers503AndLeavesTheOrderUntouched() {
        String token = TestTokens.user(newUserId());
        String orderId = OrderFixtures.order(token, product("Outage agent", 9.99, "active"), 1).getString("data.orderId");
        ProviderStub.stripeDown(orderId);
        pay(token, orderId, "stripe").statusCode(503).contentType(containsString("application/problem+json"))
                .body("success", equalTo(false));
        get(token, orderId).body("data.status", equalTo("pending")).body("data.paymentIntent", nullValue())
                .body("data.paymentMethod", equalTo("stripe"));
        String other = OrderFixtures.order(token, product("Outage agent 2", 9.99, "active"), 1).getString("data.orderId");
        ProviderStub.stripeError(other);
        pay(token, other, "stripe").statusCode(503);
        get(token, other).body("data.status", equalTo("pending")).body("data.paymentIntent", nullValue());
        given().auth().oauth2(OrderFixtures.admin()).get("/api/orders/{id}/transactions", orderId).then()
                .statusCode(200).body("data.transactions.outcome", hasItem("provider-unavailable"));
        // once the provider is back, the same step succeeds
        ProviderStub.stripeIntent(orderId, "pi_after_outage_" + orderId.substring(12));
        pay(token, orderId, "stripe").statusCode(200).body("data.paymentIntentId", equalTo("pi_after_outage_" + orderId.substring(12)));
    }

    @Test
    void aFreeOrderHasNothingToPayAndNeverReachesTheProvider() {
        String token = TestTokens.user(newUserId());
        String orderId = OrderFixtures.order(token, product("Free starter agent", 0, "active"), 1).getString("data.orderId");
        // a provider call would answer the stub's default 404 and make this a 502: 422 shows none was made
        pay(token, orderId, "stripe").statusCode(422).contentType(containsString("application/problem+json"))
                .body("message", equalTo("This order has nothing to pay"));
        pay(token, orderId, "razorpay").statusCode(422);
        get(token, orderId).body("data.status", equalTo("pending")).body("data.paymentIntent", nullValue());
    }

    @Test
    void sandboxEndpointDoesNotExistInLiveMode() {
        Placed p = placeAndStartPayment();
        given().auth().oauth2(p.token()).contentType(ContentType.JSON).body("{}")
                .post("/api/orders/{id}/sandbox/complete", p.orderId()).then().statusCode(404);
        get(p.token(), p.orderId()).body("data.paymentStatus", equalTo("pending"));
    }

    @Test
    void theOriginalClientsPaymentBodyAndPaymentStatus() {
        String userId = newUserId();
        String token = TestTokens.user(userId);
        String orderId = OrderFixtures.order(token, product("Client body agent", 24.50, "active"), 2).getString("data.orderId");
        String intentId = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        ProviderStub.stripeIntent(orderId, intentId);
        given().auth().oauth2(token).get("/api/orders/{id}/payment", orderId).then().statusCode(200)
                .body("data.status", equalTo("pending")).body("data.orderId", equalTo(orderId));
        // the amount is checked against the order, never charged as sent
        payBody(token, orderId, "{\"amount\":1.00,\"method\":\"card\"}").statusCode(422)
                .contentType(containsString("application/problem+json"));
        payBody(token, orderId, "{\"amount\":53.90,\"method\":\"bitcoin\"}").statusCode(400);
        payBody(token, orderId, "{}").statusCode(400);
        payBody(token, orderId, "{\"method\":{\"$gt\":\"\"}}").statusCode(400);
        // card goes to Stripe; the answer is the client's Payment plus what the provider step needs
        payBody(token, orderId, "{\"amount\":53.90,\"method\":\"card\"}").statusCode(200)
                .body("data.paymentId", equalTo(intentId)).body("data.transactionId", equalTo(intentId))
                .body("data.method", equalTo("card")).body("data.status", equalTo("processing"))
                .body("data.amount", equalTo(53.9f)).body("data.clientSecret", equalTo(intentId + "_secret_stub"));
        given().auth().oauth2(token).get("/api/orders/{id}/payment", orderId).then().statusCode(200)
                .body("data.paymentId", equalTo(intentId)).body("data.status", equalTo("processing"))
                .body("data.amount", equalTo(53.9f)).body("data.currency", equalTo("USD"));
        given().auth().oauth2(TestTokens.user(newUserId())).get("/api/orders/{id}/payment", orderId).then().statusCode(404);
        given().get("/api/orders/{id}/payment", orderId).then().statusCode(401);
        given().auth().oauth2(OrderFixtures.admin()).get("/api/orders/{id}/payment", orderId).then().statusCode(200);
        signedStripe(stripeEvent(eventId(), "payment_intent.succeeded", intentId, orderId, TOTAL_CENTS, "usd")).statusCode(200);
        given().auth().oauth2(token).get("/api/orders/{id}/payment", orderId).then().body("data.status", equalTo("completed"));
    }

    private static io.restassured.response.ValidatableResponse payBody(String token, String orderId, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .post("/api/orders/{id}/payment", orderId).then();
    }
}
