package com.autopilotmonster.marketplace.domain;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Date;
import org.bson.Document;

/**
 * The catalog's own record of who bought what, projected from {@code payment.success} events (the order
 * service's database is never read): one document per user and product in {@code purchases}. It answers
 * {@link PurchaseVerifier} for reviews' {@code isVerifiedPurchase}.
 */
@ApplicationScoped
public class PaidPurchases implements PurchaseVerifier {

    public static final String COLLECTION = "purchases";

    @Inject
    MongoDatabase database;

    @Override
    public boolean hasPurchased(String userId, String productId) {
        return userId != null && productId != null
                && purchases().find(Filters.and(Filters.eq("userId", userId), Filters.eq("productId", productId)))
                .first() != null;
    }

    /** Idempotent: an upsert on (userId, productId), so a redelivered payment leaves one record. */
    public void paid(String userId, String orderId, Collection<String> productIds) {
        for (String productId : productIds) {
            purchases().updateOne(Filters.and(Filters.eq("userId", userId), Filters.eq("productId", productId)),
                    Updates.combine(Updates.setOnInsert("firstOrderId", orderId),
                            Updates.setOnInsert("purchasedAt", new Date())),
                    new UpdateOptions().upsert(true));
        }
    }

    private MongoCollection<Document> purchases() {
        return database.getCollection(COLLECTION);
    }
}
