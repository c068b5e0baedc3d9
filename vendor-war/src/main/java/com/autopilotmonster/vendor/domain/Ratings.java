package com.autopilotmonster.vendor.domain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The vendor's ratings, from the marketplace's {@code review.created} (collection {@code vendor_reviews}, one
 * document per review id). The vendor record's {@code averageRating} is recomputed from the stored reviews
 * after every change, never incremented, so a redelivered review (same review id: the insert is a duplicate
 * key) or reviews arriving in any order give the same figure. A deleted product takes its reviews with it,
 * as in the marketplace.
 */
@ApplicationScoped
public class Ratings {

    public static final String COLLECTION = "vendor_reviews";

    @Inject
    MongoDatabase database;

    MongoCollection<Document> reviews() {
        return database.getCollection(COLLECTION);
    }

    /** @return false if the review was already recorded (nothing changes) */
    public boolean reviewed(String reviewId, String vendorId, String productId, int rating) {
        try {
            reviews().insertOne(new Document("_id", reviewId).append("vendorId", vendorId)
                    .append("productId", productId).append("rating", rating));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        recompute(vendorId);
        return true;
    }

    public void productDeleted(String vendorId, String productId) {
        if (reviews().deleteMany(Filters.eq("productId", productId)).getDeletedCount() > 0) {
            recompute(vendorId);
        }
    }

    /** Average over the vendor's stored reviews (0 without any), written on the vendor record. */
    void recompute(String vendorId) {
        Document totals = reviews().aggregate(List.of(Aggregates.match(Filters.eq("vendorId", vendorId)),
                Aggregates.group("$vendorId", Accumulators.sum("sum", "$rating"), Accumulators.sum("count", 1))))
                .first();
        database.getCollection(Vendor.COLLECTION).updateOne(Filters.eq("_id", vendorId),
                Updates.set("averageRating", average(totals)));
    }

    /** productId -> {rating, reviews} for the given products. */
    public Map<String, double[]> ofProducts(Collection<String> productIds) {
        Map<String, double[]> result = new HashMap<>();
        if (productIds.isEmpty()) {
            return result;
        }
        reviews().aggregate(List.of(Aggregates.match(Filters.in("productId", productIds)),
                Aggregates.group("$productId", Accumulators.sum("sum", "$rating"), Accumulators.sum("count", 1))))
                .forEach(d -> result.put(d.get("_id").toString(),
                        new double[] {average(d), ((Number) d.get("count")).doubleValue()}));
        return result;
    }

    /** Rounded to two decimals: a figure for people, the stored reviews stay exact. */
    static double average(Document totals) {
        if (totals == null || ((Number) totals.get("count")).longValue() == 0) {
            return 0.0;
        }
        double avg = ((Number) totals.get("sum")).doubleValue() / ((Number) totals.get("count")).doubleValue();
        return Math.round(avg * 100) / 100.0;
    }
}
