package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.razorpay.RazorpayException;
import com.razorpay.Utils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * Razorpay webhooks: {@code X-Razorpay-Signature} (HMAC-SHA256 of the RAW body with the webhook secret) is
 * checked with {@code razorpay-java}'s {@code Utils.verifyWebhookSignature} before anything is read. Razorpay
 * signs no timestamp (it retries for up to 24 h), so replays are stopped by the event id instead:
 * {@code X-Razorpay-Event-Id}, or the body's hash when a sender omits it.
 */
@ApplicationScoped
public class RazorpayWebhooks {

    private static final Logger LOG = Logger.getLogger(RazorpayWebhooks.class.getName());

    @Inject
    PaymentSettings settings;

    @Inject
    PaymentEvents payments;

    public String handle(String payload, String signature, String eventId) {
        return payments.apply(verify(payload, signature, eventId));
    }

    ProviderEvent verify(String payload, String signature, String eventIdHeader) {
        String secret = settings.razorpayWebhookSecret().orElseThrow(() ->
                ApiException.unavailable("Razorpay webhooks are not configured on this server"));
        if (signature == null || signature.isBlank()) {
            LOG.warning("Razorpay webhook without X-Razorpay-Signature refused");
            throw ApiException.badRequest("Missing X-Razorpay-Signature header");
        }
        boolean valid;
        try {
            valid = Utils.verifyWebhookSignature(payload, signature.trim(), secret);
        } catch (RazorpayException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            LOG.warning("Razorpay webhook with a wrong signature refused");
            throw ApiException.badRequest("Invalid Razorpay signature");
        }
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            root = reader.readObject();
        } catch (RuntimeException e) {
            throw ApiException.badRequest("The webhook body is not a Razorpay event");
        }
        String type = StripeWebhooks.str(root, "event");
        String eventId = eventIdHeader != null && !eventIdHeader.isBlank() && eventIdHeader.length() <= 100
                ? eventIdHeader.trim() : "sha256:" + sha256(payload);
        JsonObject payment = entity(root, "payment");
        JsonObject refund = entity(root, "refund");
        String notesOrder = payment.get("notes") instanceof JsonObject notes ? StripeWebhooks.str(notes, "orderId") : null;
        if (type == null) {
            throw ApiException.badRequest("The Razorpay event has no type");
        }
        return switch (type) {
            case "payment.captured" -> new ProviderEvent("razorpay", eventId, type, ProviderEvent.Kind.SUCCEEDED,
                    notesOrder, StripeWebhooks.str(payment, "order_id"), StripeWebhooks.str(payment, "id"),
                    StripeWebhooks.amount(payment, "amount", "amount"), StripeWebhooks.str(payment, "currency"), null);
            case "payment.failed" -> new ProviderEvent("razorpay", eventId, type, ProviderEvent.Kind.FAILED,
                    notesOrder, StripeWebhooks.str(payment, "order_id"), StripeWebhooks.str(payment, "id"),
                    StripeWebhooks.amount(payment, "amount", "amount"), StripeWebhooks.str(payment, "currency"),
                    StripeWebhooks.str(payment, "error_description"));
            case "refund.processed" -> new ProviderEvent("razorpay", eventId, type, ProviderEvent.Kind.REFUNDED,
                    notesOrder, StripeWebhooks.str(payment, "order_id"), StripeWebhooks.str(refund, "payment_id"),
                    StripeWebhooks.amount(refund, "amount", "amount"), StripeWebhooks.str(refund, "currency"), null);
            default -> new ProviderEvent("razorpay", eventId, type, ProviderEvent.Kind.OTHER, notesOrder,
                    StripeWebhooks.str(payment, "order_id"), null, null, null, null);
        };
    }

    private static JsonObject entity(JsonObject root, String name) {
        if (root.get("payload") instanceof JsonObject payload && payload.get(name) instanceof JsonObject wrapper
                && wrapper.get("entity") instanceof JsonObject entity) {
            return entity;
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String sha256(String payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
