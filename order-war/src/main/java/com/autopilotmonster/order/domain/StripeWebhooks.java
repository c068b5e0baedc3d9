package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.logging.Logger;

/**
 * Stripe webhooks: the RAW body is verified with {@code stripe-java}'s {@code Webhook.constructEvent}
 * (HMAC-SHA256 of {@code timestamp.payload} with the endpoint's secret, timestamp within the tolerance, so
 * a captured event cannot be replayed later); only then is it read. Unsigned, badly signed or stale events
 * are 400 and change nothing.
 */
@ApplicationScoped
public class StripeWebhooks {

    private static final Logger LOG = Logger.getLogger(StripeWebhooks.class.getName());

    @Inject
    PaymentSettings settings;

    @Inject
    PaymentEvents payments;

    public String handle(String payload, String signatureHeader) {
        return payments.apply(verify(payload, signatureHeader));
    }

    ProviderEvent verify(String payload, String signatureHeader) {
        String secret = settings.stripeWebhookSecret().orElseThrow(() ->
                ApiException.unavailable("Stripe webhooks are not configured on this server"));
        if (signatureHeader == null || signatureHeader.isBlank()) {
            LOG.warning("Stripe webhook without Stripe-Signature refused");
            throw ApiException.badRequest("Missing Stripe-Signature header");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, secret, settings.stripeTolerance());
        } catch (SignatureVerificationException e) {
            LOG.warning(() -> "Stripe webhook refused: " + e.getMessage());
            throw ApiException.badRequest("Invalid Stripe signature: " + e.getMessage());
        } catch (RuntimeException e) {
            // signed correctly but not an event (only someone holding the secret can send this)
            throw ApiException.badRequest("The webhook body is not a Stripe event");
        }
        JsonObject object = dataObject(payload);
        String type = event.getType() == null ? "" : event.getType();
        if (event.getId() == null) {
            throw ApiException.badRequest("The Stripe event has no id");
        }
        return switch (type) {
            case "payment_intent.succeeded" -> new ProviderEvent("stripe", event.getId(), type,
                    ProviderEvent.Kind.SUCCEEDED, metadata(object, "orderId"), str(object, "id"), str(object, "id"),
                    amount(object, "amount_received", "amount"), str(object, "currency"), null);
            case "payment_intent.payment_failed" -> new ProviderEvent("stripe", event.getId(), type,
                    ProviderEvent.Kind.FAILED, metadata(object, "orderId"), str(object, "id"), str(object, "id"),
                    amount(object, "amount", "amount"), str(object, "currency"), failure(object));
            case "charge.refunded" -> new ProviderEvent("stripe", event.getId(), type,
                    ProviderEvent.Kind.REFUNDED,
                    metadata(object, "orderId"), str(object, "payment_intent"), str(object, "payment_intent"),
                    amount(object, "amount_refunded", "amount"), str(object, "currency"), null);
            default -> new ProviderEvent("stripe", event.getId(), type, ProviderEvent.Kind.OTHER,
                    metadata(object, "orderId"), str(object, "id"), null, null, null, null);
        };
    }

    private static JsonObject dataObject(String payload) {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            JsonObject root = reader.readObject();
            JsonObject data = root.getJsonObject("data");
            JsonObject object = data == null ? null : data.getJsonObject("object");
            return object == null ? JsonValue.EMPTY_JSON_OBJECT : object;
        } catch (RuntimeException e) {
            throw ApiException.badRequest("The webhook body is not a Stripe event");
        }
    }

    static String str(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    static Boolean bool(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == JsonValue.TRUE ? Boolean.TRUE : v == JsonValue.FALSE ? Boolean.FALSE : null;
    }

    static Long amount(JsonObject o, String key, String fallback) {
        JsonValue v = o.get(key) instanceof JsonNumber ? o.get(key) : o.get(fallback);
        return v instanceof JsonNumber n && n.isIntegral() ? n.longValue() : null;
    }

    private static String metadata(JsonObject o, String key) {
        return o.get("metadata") instanceof JsonObject m ? str(m, key) : null;
    }

    private static String failure(JsonObject o) {
        if (o.get("last_payment_error") instanceof JsonObject error) {
            String message = str(error, "message");
            return message != null ? message : str(error, "code");
        }
        return null;
    }
}
