package com.autopilotmonster.marketplace.events;

import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The vendor service's {@code vendor.created|approved|rejected|suspended|reactivated}: the vendor's status is
 * stored ({@link VendorStatuses}); a suspension or rejection unpublishes the vendor's active products.
 * Reactivation does not republish them: an admin approves them again. Once per event id.
 */
@ApplicationScoped
public class VendorEventsConsumer {

    static final String CONSUMER = "marketplace-vendors";
    private static final Logger LOG = Logger.getLogger(VendorEventsConsumer.class.getName());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    VendorStatuses statuses;

    @Incoming("vendor-created")
    public CompletionStage<Void> onCreated(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::apply);
    }

    @Incoming("vendor-approved")
    public CompletionStage<Void> onApproved(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::apply);
    }

    @Incoming("vendor-rejected")
    public CompletionStage<Void> onRejected(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::apply);
    }

    @Incoming("vendor-suspended")
    public CompletionStage<Void> onSuspended(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::apply);
    }

    @Incoming("vendor-reactivated")
    public CompletionStage<Void> onReactivated(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::apply);
    }

    void apply(IncomingEvent event) {
        JsonObject o;
        try (JsonReader reader = Json.createReader(new StringReader(event.payload()))) {
            o = reader.readObject();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable {0} {1} skipped: {2}", new Object[] {event.topic(), event.id(), e.getMessage()});
            return;
        }
        String vendorId = o.getString("vendorId", null);
        String status = o.getString("status", null);
        if (vendorId == null || status == null) {
            return;
        }
        Instant at;
        try {
            at = Instant.parse(o.getString("timestamp", ""));
        } catch (RuntimeException e) {
            at = Instant.now();
        }
        if (statuses.record(vendorId, status, at) && ("suspended".equals(status) || "rejected".equals(status))) {
            int n = statuses.unpublish(vendorId, "vendor " + status);
            if (n > 0) {
                LOG.info(() -> n + " products of vendor " + vendorId + " unpublished (" + status + ")");
            }
        }
    }
}
