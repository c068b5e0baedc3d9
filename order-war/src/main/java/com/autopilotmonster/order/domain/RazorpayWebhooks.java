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
import java.time.Instant;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * Razorpay webhooks: {@code X-Razorpay-Signature} (HMAC-SHA256 of the RAW body with the webhook secret) is
 * checked with {@code razorpay-java}'s {@code Utils.verifyWebhookSignature} before anything is read. Razorpay
 * signs no timestamp header (it retries for up to 24 h), so replays are stopped by an id derived from the signed
 * body (event type + entity ids; the unsigned {@code X-Razorpay-Event-Id} header is only logged) and by the signed
 * {@code created_at}: older than {@code razorpay.webhook-max-age-seconds} is refused.
 */
@ApplicationScoped
public class RazorpayWebhooks {

    private static final Logger LOG = Logger.getLogger(RazorpayWebhooks.class.getName());
    static final long CLOCK_SKEW_SECONDS = 300;

    @Inject
    PaymentSettings settings;

    @Inject
    PaymentEvents payments;

    public String handle(String payload, String signature, String eventIdHeader) {
        ProviderEvent event = verify(payload, signature, eventIdHeader);
        LOG.fine(() -> "Razorpay event " + event.eventId() + " (header id " + eventIdHeader + ")");
        return payments.apply(event);
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
        refuseIfStale(root);
        JsonObject payment = entity(root, "payment");
        JsonObject refund = entity(root, "refund");
        // the header X-Razorpay-Event-Id is not signed (anyone replaying a captured body can change it): the id
        // comes from the signed body - the event type and the ids of the entities it is about
        String eventId = eventId(type, payload, refund, payment, entity(root, "order"));
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

    /**
     * Razorpay signs no timestamp header, but the signed body carries {@code created_at} (epoch seconds): an event
     * older than {@code razorpay.webhook-max-age-seconds} (Razorpay retries for 24 h) or from the future beyond the
     * clock skew is a replay and refused, so the ids of handled events need only be kept that long.
     */
    private void refuseIfStale(JsonObject root) {
        Long created = StripeWebhooks.amount(root, "created_at", "created_at");
        long now = Instant.now().getEpochSecond();
        if (created == null) {
            LOG.warning("Razorpay webhook without created_at refused");
            throw ApiException.badRequest("The Razorpay event has no created_at");
        }
        if (created < now - settings.razorpayMaxAgeSeconds() || created > now + CLOCK_SKEW_SECONDS) {
            LOG.warning(() -> "Razorpay webhook created at " + created + " refused: outside the accepted window ("
                    + settings.razorpayMaxAgeSeconds() + " s)");
            throw ApiException.badRequest("The Razorpay event is too old (or from the future) to be accepted");
        }
    }

    /** {@code type:entity ids} (refund, payment, order: whichever the event carries), else the signed body's hash. */
    static String eventId(String type, String payload, JsonObject... entities) {
        StringBuilder ids = new StringBuilder();
        for (JsonObject entity : entities) {
            String id = StripeWebhooks.str(entity, "id");
            if (id != null) {
                ids.append(':').append(id);
            }
        }
        return ids.isEmpty() ? "sha256:" + sha256(payload) : type + ids;
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
