package com.autopilotmonster.admin.events;

import com.autopilotmonster.admin.domain.ReadModel;
import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Feeds the dashboard's {@link ReadModel} from the owners' events, one channel (and consumer group
 * {@code admin-<channel>}) per topic. Each event is applied once per consumer (common-ejb
 * {@link IdempotentConsumer}); a payload that is not a JSON object is logged and skipped (poison-safe), while a
 * store failure propagates and is retried.
 */
@ApplicationScoped
public class ReadModelConsumers {

    private static final Logger LOG = Logger.getLogger(ReadModelConsumers.class.getName());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ReadModel model;

    @Incoming("user-registered")
    public CompletionStage<Void> onUserRegistered(Message<String> message) {
        return consumer.handle("admin-user-registered", message, e -> apply(e, p -> model.userRegistered(p)));
    }

    @Incoming("user-logged-in")
    public CompletionStage<Void> onUserLoggedIn(Message<String> message) {
        return consumer.handle("admin-user-logged-in", message, e -> apply(e, p -> model.userLoggedIn(p)));
    }

    @Incoming("order-created")
    public CompletionStage<Void> onOrderCreated(Message<String> message) {
        return consumer.handle("admin-order-created", message, e -> apply(e, p -> model.orderCreated(p)));
    }

    @Incoming("payment-success")
    public CompletionStage<Void> onPaymentSuccess(Message<String> message) {
        return consumer.handle("admin-payment-success", message, e -> apply(e, p -> model.paymentSucceeded(p)));
    }

    @Incoming("order-refunded")
    public CompletionStage<Void> onOrderRefunded(Message<String> message) {
        return consumer.handle("admin-order-refunded", message, e -> apply(e, p -> model.orderRefunded(p)));
    }

    @Incoming("product-created")
    public CompletionStage<Void> onProductCreated(Message<String> message) {
        return consumer.handle("admin-product-created", message, e -> apply(e, p -> model.product(p, false)));
    }

    @Incoming("product-updated")
    public CompletionStage<Void> onProductUpdated(Message<String> message) {
        return consumer.handle("admin-product-updated", message, e -> apply(e, p -> model.product(p, false)));
    }

    @Incoming("product-deleted")
    public CompletionStage<Void> onProductDeleted(Message<String> message) {
        return consumer.handle("admin-product-deleted", message, e -> apply(e, p -> model.product(p, true)));
    }

    @Incoming("vendor-created")
    public CompletionStage<Void> onVendorCreated(Message<String> message) {
        return consumer.handle("admin-vendor-created", message, e -> apply(e, p -> model.vendor(p, "pending")));
    }

    @Incoming("vendor-approved")
    public CompletionStage<Void> onVendorApproved(Message<String> message) {
        return consumer.handle("admin-vendor-approved", message, e -> apply(e, p -> model.vendor(p, "active")));
    }

    @Incoming("vendor-rejected")
    public CompletionStage<Void> onVendorRejected(Message<String> message) {
        return consumer.handle("admin-vendor-rejected", message, e -> apply(e, p -> model.vendor(p, "rejected")));
    }

    @Incoming("vendor-suspended")
    public CompletionStage<Void> onVendorSuspended(Message<String> message) {
        return consumer.handle("admin-vendor-suspended", message, e -> apply(e, p -> model.vendor(p, "suspended")));
    }

    @Incoming("vendor-reactivated")
    public CompletionStage<Void> onVendorReactivated(Message<String> message) {
        return consumer.handle("admin-vendor-reactivated", message, e -> apply(e, p -> model.vendor(p, "active")));
    }

    @Incoming("payout-requested")
    public CompletionStage<Void> onPayoutRequested(Message<String> message) {
        return consumer.handle("admin-payout-requested", message, e -> apply(e, p -> model.payout(p, "requested")));
    }

    @Incoming("payout-approved")
    public CompletionStage<Void> onPayoutApproved(Message<String> message) {
        return consumer.handle("admin-payout-approved", message, e -> apply(e, p -> model.payout(p, "approved")));
    }

    @Incoming("payout-paid")
    public CompletionStage<Void> onPayoutPaid(Message<String> message) {
        return consumer.handle("admin-payout-paid", message, e -> apply(e, p -> model.payout(p, "paid")));
    }

    @Incoming("payout-rejected")
    public CompletionStage<Void> onPayoutRejected(Message<String> message) {
        return consumer.handle("admin-payout-rejected", message, e -> apply(e, p -> model.payout(p, "rejected")));
    }

    static void apply(IncomingEvent event, Consumer<JsonObject> handler) {
        JsonObject payload = payload(event);
        if (payload != null) {
            handler.accept(payload);
        }
    }

    static JsonObject payload(IncomingEvent event) {
        if (event.payload() == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(event.payload()))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject o) {
                return o;
            }
        } catch (JsonException | IllegalStateException e) {
            // handled below
        }
        LOG.log(Level.WARNING, "unreadable {0} event {1} skipped", new Object[] {event.topic(), event.id()});
        return null;
    }
}
