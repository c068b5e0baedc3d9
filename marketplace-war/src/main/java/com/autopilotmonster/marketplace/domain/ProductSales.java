package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.data.AppliedOnce;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sales counted into {@code downloadCount}, each sale once. Why not a plain {@code $inc}: the idempotent
 * consumer records an event as processed only after its handler returned, so a handler whose marker was not
 * written (the store went away between the two writes and the retry runs the handler again; the server was
 * killed there and the redelivery does) repeats its work - and a plain increment counted that payment twice.
 * So the increment and the sale's id go into the product document in ONE atomic update that only applies while
 * the id is not among the product's latest sale ids ({@code recentSaleIds}, the last
 * {@code marketplace.sales.remembered-ids}; enough, since a repeat comes right after its first run: the
 * consumer handles one event at a time). Unknown product ids are ignored.
 */
@ApplicationScoped
public class ProductSales {

    /** Bounds what one payment line can add, whatever a producer sends. */
    static final int MAX_QUANTITY = 1000;
    /** Internal to the counter: never read into {@link Product}. */
    static final String RECENT_SALES = "recentSaleIds";

    @Inject
    MongoDatabase database;

    @Inject
    CatalogCache cache;

    @Inject
    @ConfigProperty(name = "marketplace.sales.remembered-ids", defaultValue = "20")
    int remembered;

    /** @param saleId what makes this sale one (the payment event's id): the same id again counts nothing */
    public void sold(String saleId, Map<String, Integer> quantities) {
        boolean changed = false;
        for (Map.Entry<String, Integer> sale : quantities.entrySet()) {
            int quantity = Math.min(MAX_QUANTITY, sale.getValue());
            if (!ObjectId.isValid(sale.getKey()) || quantity <= 0) {
                continue;
            }
            changed |= database.getCollection(Product.COLLECTION).updateOne(
                    Filters.and(Filters.eq("_id", new ObjectId(sale.getKey())), AppliedOnce.notYet(RECENT_SALES, saleId)),
                    Updates.combine(Updates.inc("downloadCount", (long) quantity),
                            AppliedOnce.remember(RECENT_SALES, saleId, remembered)))
                    .getModifiedCount() > 0;
        }
        if (changed) {
            cache.invalidate();
        }
    }
}
