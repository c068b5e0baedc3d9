package com.autopilotmonster.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's side of a sandbox payment: Stripe's signed {@code payment_intent.succeeded} webhook for an
 * order, as the order service in SANDBOX mode verifies it (the local run's committed webhook secret).
 */
public final class SandboxWebhook {

    private SandboxWebhook() {
    }

    /** The webhook request (without timeout) that completes {@code orderId}'s payment intent. */
    public static HttpRequest.Builder paymentSucceeded(String orderService, String secret, String orderId,
                                                       String intentId, String amountMinor) {
        long now = Instant.now().getEpochSecond();
        String event = "{\"id\":\"evt_bench_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                + "\"created\":" + now + ",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\""
                + intentId + "\",\"object\":\"payment_intent\",\"amount_received\":" + amountMinor
                + ",\"currency\":\"usd\",\"metadata\":{\"orderId\":\"" + orderId + "\"}}}}";
        return HttpRequest.newBuilder(URI.create(orderService + "/api/orders/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", "t=" + now + ",v1=" + hmac(secret, now + "." + event))
                .POST(HttpRequest.BodyPublishers.ofString(event));
    }

    /** Stripe's signature scheme: hex HMAC-SHA256 of "timestamp.payload" with the endpoint secret. */
    private static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
