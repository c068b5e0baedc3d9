package com.autopilotmonster.admin.api;

import com.autopilotmonster.testsupport.Eventually;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;

/**
 * Waits until the admin server's consumers have applied everything published so far: a marker event is sent on each
 * topic (one partition each, so it comes after everything before it) and the test waits for the consumer's
 * {@code processed_events} record of it in {@code admin_db}. Also tells whether a given event id was consumed.
 */
final class ReadModelBarrier {

    /** topic -> channel (the consumer is {@code admin-<channel>}). */
    static final Map<String, String> TOPICS = Map.ofEntries(
            Map.entry("user.registered", "user-registered"), Map.entry("user.logged-in", "user-logged-in"),
            Map.entry("order.created", "order-created"),
            Map.entry("payment.success", "payment-success"), Map.entry("order.refunded", "order-refunded"),
            Map.entry("product.created", "product-created"), Map.entry("product.updated", "product-updated"),
            Map.entry("product.deleted", "product-deleted"), Map.entry("vendor.created", "vendor-created"),
            Map.entry("vendor.approved", "vendor-approved"), Map.entry("vendor.rejected", "vendor-rejected"),
            Map.entry("vendor.suspended", "vendor-suspended"), Map.entry("vendor.reactivated", "vendor-reactivated"),
            Map.entry("payout.requested", "payout-requested"), Map.entry("payout.approved", "payout-approved"),
            Map.entry("payout.paid", "payout-paid"), Map.entry("payout.rejected", "payout-rejected"));

    private ReadModelBarrier() {
    }

    private static MongoClient client() {
        return MongoClients.create(System.getProperty("mongodb.uri", "mongodb://127.0.0.1:27017/?serverSelectionTimeoutMS=3000"));
    }

    /** Every consumer has caught up with its topic. */
    static void caughtUp() {
        List<String[]> markers = new ArrayList<>();
        TOPICS.forEach((topic, channel) -> {
            String id = "barrier-" + UUID.randomUUID();
            // no id field: the read model skips it, the consumer still records it as processed
            Admin.publish(topic, "barrier", id, "{\"barrier\":true}");
            markers.add(new String[] {channel, id});
        });
        for (String[] marker : markers) {
            awaitProcessed(marker[0], marker[1], Admin.EVENT_WAIT);
        }
    }

    static void awaitProcessed(String channel, String eventId, Duration timeout) {
        try (MongoClient client = client()) {
            MongoCollection<Document> processed = client.getDatabase("admin_db").getCollection("processed_events");
            Eventually.await("admin-" + channel + " consumed " + eventId, timeout,
                    () -> processed.countDocuments(Filters.eq("_id", "admin-" + channel + ":" + eventId)) > 0);
        }
    }
}
