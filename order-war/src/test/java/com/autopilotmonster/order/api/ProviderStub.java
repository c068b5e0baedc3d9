package com.autopilotmonster.order.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Stripe's and Razorpay's APIs replaced by WireMock on the port the order-it server's SDKs are pointed at
 * ({@code stripe.api-base}, {@code razorpay.api-base}). Each test stubs answers for its own order (matched on
 * the orderId the SDK sends), so tests do not see each other's stubs.
 */
final class ProviderStub {

    private static WireMockServer server;

    private ProviderStub() {
    }

    static synchronized WireMockServer start() {
        if (server == null) {
            server = new WireMockServer(options().port(Integer.getInteger("order.it.stub.port", 4191)));
            server.start();
            defaults(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /**
     * What the provider answers unless a test stubs otherwise (lowest priority): an intent still waiting for the
     * customer (cancellable), cancels and refunds that succeed, a Razorpay order without payments.
     */
    private static void defaults(WireMockServer stub) {
        stub.stubFor(get(urlPathMatching("/v1/payment_intents/[^/]+")).atPriority(100)
                .willReturn(json(200, intent("pi_default", "requires_payment_method"))));
        stub.stubFor(post(urlPathMatching("/v1/payment_intents/[^/]+/cancel")).atPriority(100)
                .willReturn(json(200, intent("pi_default", "canceled"))));
        stub.stubFor(post(urlEqualTo("/v1/refunds")).atPriority(100).willReturn(json(200,
                "{\"id\":\"re_stub\",\"object\":\"refund\",\"status\":\"succeeded\"}")));
        stub.stubFor(get(urlPathMatching("/v1/orders/[^/]+/payments")).atPriority(100).willReturn(json(200,
                "{\"entity\":\"collection\",\"count\":0,\"items\":[]}")));
        stub.stubFor(post(urlPathMatching("/v1/payments/[^/]+/refund")).atPriority(100).willReturn(json(200,
                "{\"id\":\"rfnd_stub\",\"entity\":\"refund\",\"amount\":1,\"currency\":\"USD\",\"status\":\"processed\"}")));
    }

    private static String intent(String id, String status) {
        return "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":1,\"currency\":\"usd\",\"status\":\""
                + status + "\"}";
    }

    /** Stripe reports this intent in {@code status} (processing, succeeded, ...). */
    static void stripeIntentStatus(String intentId, String status) {
        start().stubFor(get(urlEqualTo("/v1/payment_intents/" + intentId)).willReturn(json(200, intent(intentId, status))));
    }

    /** Stripe cannot be reached about this intent (reading or cancelling it). */
    static void stripeIntentDown(String intentId) {
        start().stubFor(get(urlEqualTo("/v1/payment_intents/" + intentId))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Calls to a Stripe or Razorpay path (any method). */
    static int calls(String path) {
        return start().findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlEqualTo(path))).size();
    }

    /** Razorpay lists these payment statuses for its order. */
    static void razorpayPayments(String razorpayOrderId, String... statuses) {
        StringBuilder items = new StringBuilder();
        for (String status : statuses) {
            items.append(items.isEmpty() ? "" : ",").append("{\"id\":\"pay_").append(status).append("\",\"entity\":\"payment\",")
                    .append("\"status\":\"").append(status).append("\",\"order_id\":\"").append(razorpayOrderId).append("\"}");
        }
        start().stubFor(get(urlEqualTo("/v1/orders/" + razorpayOrderId + "/payments")).willReturn(json(200,
                "{\"entity\":\"collection\",\"count\":" + statuses.length + ",\"items\":[" + items + "]}")));
    }

    private static String stripeOrder(String orderId) {
        // stripe-java form-encodes metadata as metadata[orderId]=... (brackets left readable)
        return "metadata[orderId]=" + URLEncoder.encode(orderId, StandardCharsets.UTF_8);
    }

    /** Stripe creates a PaymentIntent for this order. */
    static void stripeIntent(String orderId, String intentId) {
        start().stubFor(post(urlEqualTo("/v1/payment_intents")).withRequestBody(containing(stripeOrder(orderId)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Request-Id", "req_stub").withBody("{\"id\":\"" + intentId
                                + "\",\"object\":\"payment_intent\",\"amount\":1,\"currency\":\"usd\",\"client_secret\":\""
                                + intentId + "_secret_stub\",\"status\":\"requires_payment_method\"}")));
    }

    /** Stripe cannot be reached for this order (connection reset). */
    static void stripeDown(String orderId) {
        start().stubFor(post(urlEqualTo("/v1/payment_intents")).withRequestBody(containing(stripeOrder(orderId)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Stripe answers 500 for this order. */
    static void stripeError(String orderId) {
        start().stubFor(post(urlEqualTo("/v1/payment_intents")).withRequestBody(containing(stripeOrder(orderId)))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"stub outage\"}}")));
    }

    /** How many PaymentIntent calls for this order carried these form parameters. */
    static int stripeCalls(String orderId, String... parameters) {
        var pattern = postRequestedFor(urlEqualTo("/v1/payment_intents")).withRequestBody(containing(stripeOrder(orderId)));
        for (String parameter : parameters) {
            pattern = pattern.withRequestBody(containing(parameter));
        }
        return start().findAll(pattern).size();
    }

    static void razorpayOrder(String orderId, String razorpayOrderId) {
        start().stubFor(post(urlEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.receipt", equalTo(orderId)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + razorpayOrderId + "\",\"entity\":\"order\",\"amount\":1,\"currency\":\"USD\","
                                + "\"receipt\":\"" + orderId + "\",\"status\":\"created\",\"attempts\":0}")));
    }

    static void razorpayDown(String orderId) {
        start().stubFor(post(urlEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.receipt", equalTo(orderId)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    static int razorpayCalls(String orderId, long amountMinor) {
        return start().findAll(postRequestedFor(urlEqualTo("/v1/orders"))
                .withRequestBody(matchingJsonPath("$.receipt", equalTo(orderId)))
                .withRequestBody(matchingJsonPath("$.amount", equalTo(Long.toString(amountMinor))))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("rzp_test_order_it",
                        "rzp_test_secret_order_it"))).size();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_stub")
                .withBody(body);
    }

    /** Stripe creates the buyer's customer (any buyer: the id is what the service stores). */
    static void stripeCustomers() {
        start().stubFor(post(urlEqualTo("/v1/customers")).willReturn(json(200,
                "{\"id\":\"cus_stub\",\"object\":\"customer\"}")));
    }

    /** Stripe attaches this PaymentMethod (a card) to the customer. */
    static void stripeAttach(String paymentMethodId, String brand, String last4) {
        start().stubFor(post(urlEqualTo("/v1/payment_methods/" + paymentMethodId + "/attach")).willReturn(json(200,
                "{\"id\":\"" + paymentMethodId + "\",\"object\":\"payment_method\",\"type\":\"card\",\"customer\":\"cus_stub\","
                        + "\"card\":{\"brand\":\"" + brand + "\",\"last4\":\"" + last4 + "\",\"exp_month\":12,\"exp_year\":2031}}")));
        start().stubFor(post(urlEqualTo("/v1/payment_methods/" + paymentMethodId + "/detach")).willReturn(json(200,
                "{\"id\":\"" + paymentMethodId + "\",\"object\":\"payment_method\",\"type\":\"card\"}")));
    }

    /** A charge of this saved card: succeeded, or declined (402 card_error) when {@code declined}. */
    static void stripeSavedCharge(String paymentMethodId, String intentId, boolean declined) {
        String method = "payment_method=" + paymentMethodId;
        start().stubFor(post(urlEqualTo("/v1/payment_intents")).withRequestBody(containing(method)).willReturn(declined
                ? json(402, "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"message\":\"Your card was declined.\","
                        + "\"payment_intent\":{\"id\":\"" + intentId + "\",\"object\":\"payment_intent\"}}}")
                : json(200, "{\"id\":\"" + intentId + "\",\"object\":\"payment_intent\",\"amount\":1,\"currency\":\"usd\","
                        + "\"status\":\"succeeded\",\"client_secret\":\"" + intentId + "_secret_stub\"}")));
    }

    /** Calls to a Stripe path that carried these form parameters. */
    static int stripeCallsTo(String path, String... parameters) {
        var pattern = postRequestedFor(urlEqualTo(path));
        for (String parameter : parameters) {
            pattern = pattern.withRequestBody(containing(parameter));
        }
        return start().findAll(pattern).size();
    }
}
