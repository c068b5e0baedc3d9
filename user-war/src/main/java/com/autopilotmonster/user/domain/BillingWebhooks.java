package com.autopilotmonster.user.domain;

import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import com.autopilotmonster.common.problem.ApiException;
import com.mongodb.client.model.Updates;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Stripe Billing webhooks ({@code /api/users/webhooks/stripe}), verified exactly as the order service
 * verifies its own: {@code Webhook.constructEvent} on the RAW body with the endpoint's secret and a 300 s
 * tolerance; unsigned, badly signed or stale events are 400 and change nothing. Each Stripe event id is
 * applied once ({@link IdempotentConsumer#apply}). Handled: {@code customer.subscription.created|updated}
 * (status, period, cancel at period end), {@code customer.subscription.deleted} (ended),
 * {@code invoice.paid} / {@code invoice.payment_succeeded} (active, period extended),
 * {@code invoice.payment_failed} (past due).
 */
@ApplicationScoped
public class BillingWebhooks {

    private static final Logger LOG = Logger.getLogger(BillingWebhooks.class.getName());
    static final String CONSUMER = "user-stripe-billing";

    @Inject
    BillingSettings settings;

    @Inject
    Subscriptions subscriptions;

    @Inject
    IdempotentConsumer consumer;

    public String handle(String payload, String signatureHeader) {
        String secret = settings.webhookSecret().orElseThrow(() ->
                ApiException.unavailable("Stripe webhooks are not configured on this server"));
        if (signatureHeader == null || signatureHeader.isBlank()) {
            LOG.warning("Stripe webhook without Stripe-Signature refused");
            throw ApiException.badRequest("Missing Stripe-Signature header");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, secret, settings.tolerance());
        } catch (SignatureVerificationException e) {
            LOG.warning(() -> "Stripe webhook refused: " + e.getMessage());
            throw ApiException.badRequest("Invalid Stripe signature: " + e.getMessage());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("The webhook body is not a Stripe event");
        }
        if (event.getId() == null) {
            throw ApiException.badRequest("The Stripe event has no id");
        }
        String type = event.getType() == null ? "" : event.getType();
        JsonObject object = dataObject(payload);
        String[] outcome = {"ignored"};
        boolean ran = consumer.apply(CONSUMER, new IncomingEvent(event.getId(), type, "stripe", null, "stripe-webhook",
                null, payload), e -> outcome[0] = apply(type, object));
        return ran ? outcome[0] : "duplicate";
    }

    String apply(String type, JsonObject o) {
        return switch (type) {
            case "customer.subscription.created", "customer.subscription.updated" -> subscriptionChanged(o);
            case "customer.subscription.deleted" -> subscriptionEnded(o);
            case "invoice.paid", "invoice.payment_succeeded" -> invoice(o, true);
            case "invoice.payment_failed" -> invoice(o, false);
            default -> "ignored";
        };
    }

    private String subscriptionChanged(JsonObject o) {
        Document local = subscriptions.byStripeId(str(o, "id"), metadata(o, "subscriptionId"));
        if (local == null) {
            return "unknown-subscription";
        }
        List<Bson> set = new ArrayList<>();
        String status = str(o, "status");
        if (status != null) {
            set.add(Updates.set("status", localStatus(status)));
        }
        if (str(o, "id") != null && local.getString("stripeSubscriptionId") == null) {
            set.add(Updates.set("stripeSubscriptionId", str(o, "id")));
        }
        Long start = number(o, "current_period_start", item(o, "current_period_start"));
        Long end = number(o, "current_period_end", item(o, "current_period_end"));
        if (start != null) {
            set.add(Updates.set("startDate", Date.from(Instant.ofEpochSecond(start))));
        } else if (local.get("startDate") == null) {
            set.add(Updates.set("startDate", new Date()));
        }
        if (end != null) {
            set.add(Updates.set("endDate", Date.from(Instant.ofEpochSecond(end))));
        }
        if (o.get("cancel_at_period_end") == JsonValue.TRUE) {
            set.add(Updates.set("cancelAtPeriodEnd", true));
            set.add(Updates.set("autoRenew", false));
        } else if (o.get("cancel_at_period_end") == JsonValue.FALSE) {
            set.add(Updates.set("cancelAtPeriodEnd", false));
            set.add(Updates.set("autoRenew", true));
        }
        Document after = subscriptions.apply(local.getObjectId("_id"), set);
        if (after != null && !Subscriptions.LIVE.contains(after.getString("status"))) {
            subscriptions.release(after.getString("userId"), after.getObjectId("_id"));
        }
        return "applied";
    }

    private String subscriptionEnded(JsonObject o) {
        Document local = subscriptions.byStripeId(str(o, "id"), metadata(o, "subscriptionId"));
        if (local == null) {
            return "unknown-subscription";
        }
        Date now = new Date();
        subscriptions.apply(local.getObjectId("_id"), List.of(Updates.set("status", "cancelled"),
                Updates.set("autoRenew", false), Updates.set("endedAt", now), Updates.set("endDate", now)));
        subscriptions.release(local.getString("userId"), local.getObjectId("_id"));
        return "applied";
    }

    private String invoice(JsonObject o, boolean paid) {
        String stripeSubscription = str(o, "subscription");
        String localId = null;
        if (o.get("parent") instanceof JsonObject parent && parent.get("subscription_details") instanceof JsonObject details) {
            stripeSubscription = stripeSubscription != null ? stripeSubscription : str(details, "subscription");
            localId = details.get("metadata") instanceof JsonObject m ? str(m, "subscriptionId") : null;
        }
        if (o.get("subscription_details") instanceof JsonObject details && details.get("metadata") instanceof JsonObject m) {
            localId = localId != null ? localId : str(m, "subscriptionId");
        }
        Document local = subscriptions.byStripeId(stripeSubscription, localId);
        if (local == null) {
            return "unknown-subscription";
        }
        if (!paid) {
            subscriptions.apply(local.getObjectId("_id"), List.of(Updates.set("status", "past_due")));
            return "applied";
        }
        Long periodEnd = null;
        Long periodStart = null;
        if (o.get("lines") instanceof JsonObject lines && lines.get("data") instanceof JsonArray data && !data.isEmpty()
                && data.get(0) instanceof JsonObject line && line.get("period") instanceof JsonObject period) {
            periodEnd = number(period, "end", null);
            periodStart = number(period, "start", null);
        }
        List<Bson> set = new ArrayList<>();
        set.add(Updates.set("status", "active"));
        set.add(Updates.set("endDate", Subscriptions.periodEnd(periodEnd)));
        if (local.get("startDate") == null) {
            set.add(Updates.set("startDate", periodStart == null ? new Date() : Date.from(Instant.ofEpochSecond(periodStart))));
        }
        set.add(Updates.set("lastPaidAt", new Date()));
        subscriptions.apply(local.getObjectId("_id"), set);
        return "applied";
    }

    /** Stripe's subscription status in this service's words. */
    static String localStatus(String stripeStatus) {
        return switch (stripeStatus.toLowerCase(Locale.ROOT)) {
            case "active", "trialing" -> "active";
            case "past_due", "unpaid" -> "past_due";
            case "canceled" -> "cancelled";
            case "incomplete_expired" -> "expired";
            default -> "incomplete";
        };
    }

    // --- sandbox: play Stripe's part, through the same verification ---

    /**
     * SANDBOX mode only: the events Stripe would send after a paid subscription is created (subscription
     * active, first invoice paid) or cancelled at period end, signed with the sandbox secret and handed to
     * {@link #handle} - the same verification and state changes as real webhooks.
     */
    public void sandboxActivate(Document subscription) {
        long now = Instant.now().getEpochSecond();
        long end = Instant.now().plusSeconds(30L * 24 * 3600).getEpochSecond();
        String subId = subscription.getString("stripeSubscriptionId");
        String meta = "{\"subscriptionId\":\"" + subscription.getString("subscriptionId") + "\",\"userId\":\""
                + subscription.getString("userId") + "\"}";
        sandboxSend("customer.subscription.created", "{\"id\":\"" + subId + "\",\"object\":\"subscription\",\"status\":\"active\","
                + "\"current_period_start\":" + now + ",\"current_period_end\":" + end
                + ",\"cancel_at_period_end\":false,\"metadata\":" + meta + "}");
        sandboxSend("invoice.paid", "{\"id\":\"in_sandbox_" + UUID.randomUUID().toString().replace("-", "")
                + "\",\"object\":\"invoice\",\"subscription\":\"" + subId + "\",\"status\":\"paid\","
                + "\"lines\":{\"object\":\"list\",\"data\":[{\"period\":{\"start\":" + now + ",\"end\":" + end + "}}]}}");
    }

    public void sandboxCancelAtPeriodEnd(Document subscription) {
        String meta = "{\"subscriptionId\":\"" + subscription.getString("subscriptionId") + "\"}";
        sandboxSend("customer.subscription.updated", "{\"id\":\"" + subscription.getString("stripeSubscriptionId")
                + "\",\"object\":\"subscription\",\"status\":\"active\",\"cancel_at_period_end\":true,\"metadata\":" + meta + "}");
    }

    private void sandboxSend(String type, String object) {
        String payload = "{\"id\":\"evt_sandbox_" + UUID.randomUUID().toString().replace("-", "")
                + "\",\"object\":\"event\",\"api_version\":\"2024-06-20\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"type\":\"" + type + "\",\"data\":{\"object\":" + object + "}}";
        long t = Instant.now().getEpochSecond();
        handle(payload, "t=" + t + ",v1=" + hmacHex(settings.sandboxSecret(), t + "." + payload));
    }

    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder();
            for (byte b : mac.doFinal(message.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- JSON helpers ---

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

    private static Long number(JsonObject o, String key, Long fallback) {
        return o.get(key) instanceof JsonNumber n && n.isIntegral() ? Long.valueOf(n.longValue()) : fallback;
    }

    /** Newer API versions carry the period on the subscription's items. */
    private static Long item(JsonObject o, String key) {
        if (o.get("items") instanceof JsonObject items && items.get("data") instanceof JsonArray data && !data.isEmpty()
                && data.get(0) instanceof JsonObject first) {
            return number(first, key, null);
        }
        return null;
    }

    private static String metadata(JsonObject o, String key) {
        return o.get("metadata") instanceof JsonObject m ? str(m, key) : null;
    }
}
