package com.autopilotmonster.marketplace.domain;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.bson.types.ObjectId;

/** Sales counted into {@code downloadCount} (one atomic {@code $inc} per product; unknown ids are ignored). */
@ApplicationScoped
public class ProductSales {

    /** Bounds what one payment line can add, whatever a producer sends. */
    static final int MAX_QUANTITY = 1000;

    @Inject
    MongoDatabase database;

    @Inject
    CatalogCache cache;

    public void sold(Map<String, Integer> quantities) {
        boolean changed = false;
        for (Map.Entry<String, Integer> sale : quantities.entrySet()) {
            int quantity = Math.min(MAX_QUANTITY, sale.getValue());
            if (!ObjectId.isValid(sale.getKey()) || quantity <= 0) {
                continue;
            }
            changed |= database.getCollection(Product.COLLECTION).updateOne(
                    Filters.eq("_id", new ObjectId(sale.getKey())), Updates.inc("downloadCount", (long) quantity))
                    .getModifiedCount() > 0;
        }
        if (changed) {
            cache.invalidate();
        }
    }
}
