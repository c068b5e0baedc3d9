package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.razorpay.RazorpayException;
import com.razorpay.Utils;
import com.stripe.net.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * SANDBOX mode only ({@code PAYMENTS_MODE=sandbox}, set by the local run; never a production default): plays
 * the provider's part of a checkout. It builds the event the provider would send for the order's payment
 * (success or failure), signs it with the sandbox webhook secret exactly as the provider signs, and hands it to
 * the same webhook handler the provider's HTTP call reaches - verification, state machine, events and all.
 */
@ApplicationScoped
public class Sandbox {

    @Inject
    PaymentSettings settings;

    @Inject
    StripeWebhooks stripe;

    @Inject
    RazorpayWebhooks razorpay;

    @Inject
    TransactionLog log;

    public boolean enabled() {
        return settings.sandbox();
    }

    /** @return the webhook outcome ({@code applied}, {@code refused}, ...) */
    public String complete(Order order, boolean succeed) {
        if (!enabled()) {
            throw ApiException.notFound("No such resource");
        }
        if (order.paymentIntent() == null || order.paymentMethod() == null) {
            throw ApiException.conflict("Start the payment first (POST /api/orders/{id}/payment)");
        }
        log.append(order, new TransactionLog.Step(order.paymentMethod(), "sandbox", null, null, order.paymentIntent(),
                order.total(), order.currency(), succeed ? "simulate-success" : "simulate-failure", "sandbox checkout"));
        return "razorpay".equals(order.paymentMethod()) ? razorpay(order, succeed) : stripe(order, succeed);
    }

    private String stripe(Order order, boolean succeed) {
        long now = Instant.now().getEpochSecond();
        long amount = order.totalMinorUnits();
        JsonObjectBuilder intent = Json.createObjectBuilder().add("id", order.paymentIntent()).add("object", "payment_intent")
                .add("amount", amount).add("amount_received", succeed ? amount : 0)
                .add("currency", order.currency().toLowerCase(Locale.ROOT))
                .add("status", succeed ? "succeeded" : "requires_payment_method")
                .add("metadata", Json.createObjectBuilder().add("orderId", order.orderId()).add("userId", order.userId()));
        if (!succeed) {
            intent.add("last_payment_error", Json.createObjectBuilder().add("code", "card_declined")
                    .add("message", "Your card was declined (sandbox)."));
        }
        String payload = Json.createObjectBuilder().add("id", "evt_sandbox_" + UUID.randomUUID().toString().replace("-", ""))
                .add("object", "event").add("created", now).add("livemode", false)
                .add("type", succeed ? "payment_intent.succeeded" : "payment_intent.payment_failed")
                .add("data", Json.createObjectBuilder().add("object", intent)).build().toString();
        try {
            String signature = Webhook.Util.computeHmacSha256(settings.sandboxSecret(), now + "." + payload);
            return stripe.handle(payload, "t=" + now + ",v1=" + signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String razorpay(Order order, boolean succeed) {
        long amount = order.totalMinorUnits();
        String paymentId = "pay_sandbox_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        JsonObjectBuilder payment = Json.createObjectBuilder().add("id", paymentId).add("entity", "payment")
                .add("amount", amount).add("currency", order.currency().toUpperCase(Locale.ROOT))
                .add("status", succeed ? "captured" : "failed").add("order_id", order.paymentIntent())
                .add("notes", Json.createObjectBuilder().add("orderId", order.orderId()));
        if (!succeed) {
            payment.add("error_description", "Payment failed (sandbox).");
        }
        String payload = Json.createObjectBuilder().add("entity", "event").add("event", succeed ? "payment.captured" : "payment.failed")
                .add("contains", Json.createArrayBuilder().add("payment"))
                .add("payload", Json.createObjectBuilder().add("payment", Json.createObjectBuilder().add("entity", payment)))
                .add("created_at", Instant.now().getEpochSecond()).build().toString();
        try {
            String signature = Utils.getHash(payload, settings.sandboxSecret());
            return razorpay.handle(payload, signature, "evt_sandbox_" + UUID.randomUUID().toString().replace("-", ""));
        } catch (RazorpayException e) {
            throw new IllegalStateException(e);
        }
    }
}
