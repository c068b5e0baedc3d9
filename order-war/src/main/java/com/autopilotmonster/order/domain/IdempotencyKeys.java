package com.autopilotmonster.order.domain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Idempotency-Key} records, as Stripe keeps them: per user and key, the fingerprint of the request
 * body and, once done, the order it created; kept {@code order.idempotency.ttl} (24 h) at least. The claim
 * is one insert on a unique key, so of any number of concurrent identical requests exactly one creates
 * the order; the others wait for it and replay its answer.
 */
@ApplicationScoped
public class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";

    @Inject
    MongoDatabase database;

    @Inject
    @ConfigProperty(name = "order.idempotency.ttl", defaultValue = "PT24H")
    Duration ttl;

    /** A claim still in progress after this long belongs to a request that died; it may be taken over. */
    @Inject
    @ConfigProperty(name = "order.idempotency.abandon-after", defaultValue = "PT60S")
    Duration abandonAfter;

    /** The state of a key: whether this request owns it, the stored fingerprint, the order once done. */
    public record Record(boolean owned, String fingerprint, String orderId) {
        public boolean done() {
            return orderId != null;
        }
    }

    static String id(String userId, String key) {
        return userId + ":" + key;
    }

    /** Claims the key for this request, or answers the record someone else holds. */
    public Record claim(String userId, String key, String fingerprint) {
        Instant now = Instant.now();
        Document record = new Document("_id", id(userId, key)).append("userId", userId).append("key", key)
                .append("fingerprint", fingerprint).append("orderId", null).append("claimedAt", Date.from(now))
                .append("createdAt", Date.from(now)).append("expiresAt", Date.from(now.plus(ttl)));
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                collection().insertOne(record);
                return new Record(true, fingerprint, null);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = collection().find(Filters.eq("_id", id(userId, key))).first();
            if (existing == null) {
                continue; // released meanwhile: try to claim again
            }
            if (existing.getDate("expiresAt").toInstant().isBefore(now)) {
                // expired (real MongoDB deletes these by TTL; the local store keeps them): start afresh
                collection().deleteOne(Filters.and(Filters.eq("_id", id(userId, key)),
                        Filters.eq("expiresAt", existing.getDate("expiresAt"))));
                continue;
            }
            if (existing.getString("orderId") == null && fingerprint.equals(existing.getString("fingerprint"))
                    && existing.getDate("claimedAt").toInstant().isBefore(now.minus(abandonAfter))) {
                Document taken = collection().findOneAndUpdate(Filters.and(Filters.eq("_id", id(userId, key)),
                                Filters.eq("orderId", null), Filters.eq("claimedAt", existing.getDate("claimedAt"))),
                        Updates.set("claimedAt", Date.from(now)), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                if (taken != null) {
                    return new Record(true, fingerprint, null);
                }
                continue;
            }
            return new Record(false, existing.getString("fingerprint"), existing.getString("orderId"));
        }
        throw new IllegalStateException("idempotency key " + key + " kept changing while being claimed");
    }

    public Record read(String userId, String key) {
        Document existing = collection().find(Filters.eq("_id", id(userId, key))).first();
        return existing == null ? null
                : new Record(false, existing.getString("fingerprint"), existing.getString("orderId"));
    }

    public void complete(String userId, String key, String orderId) {
        collection().updateOne(Filters.eq("_id", id(userId, key)), Updates.set("orderId", orderId));
    }

    /** The request failed before creating anything: the key may be used again (the client retries). */
    public void release(String userId, String key) {
        collection().deleteOne(Filters.and(Filters.eq("_id", id(userId, key)), Filters.eq("orderId", null)));
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }
}
