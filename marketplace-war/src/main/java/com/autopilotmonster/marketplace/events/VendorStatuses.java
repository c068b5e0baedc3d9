package com.autopilotmonster.marketplace.events;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.marketplace.domain.CatalogCache;
import com.autopilotmonster.marketplace.domain.Product;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * What the marketplace knows of vendors' status (collection {@code vendor_status}, fed by the vendor service's
 * {@code vendor.*} events; a newer event always wins over an older one, whatever order they arrive in).
 * Products of a vendor KNOWN to be pending, rejected or suspended cannot be published, and a suspension or
 * rejection takes the vendor's active products back to {@code pending} (each with a {@code product.updated}).
 * A vendor with no record at all is allowed - products created before vendor records existed (and by the
 * Node platform's data) keep working; the vendor service's README documents this gap.
 */
@ApplicationScoped
public class VendorStatuses {

    static final String COLLECTION = "vendor_status";
    static final Set<String> BLOCKED = Set.of("pending", "rejected", "suspended");
    private static final Logger LOG = Logger.getLogger(VendorStatuses.class.getName());

    @Inject
    MongoDatabase database;

    @Inject
    CatalogCache cache;

    @Inject
    ProductEvents events;

    MongoCollection<Document> statuses() {
        return database.getCollection(COLLECTION);
    }

    /** Refuses (409) publishing a product of a vendor whose known status is not active. */
    public void requirePublishable(String vendorId) {
        Document known = vendorId == null ? null : statuses().find(Filters.eq("_id", vendorId)).first();
        if (known != null && BLOCKED.contains(known.getString("status"))) {
            throw ApiException.conflict("The vendor of this product is " + known.getString("status")
                    + "; its products can be published once the vendor is active");
        }
    }

    /** @return true if stored (newer than what was known) */
    boolean record(String vendorId, String status, Instant at) {
        try {
            statuses().updateOne(Filters.and(Filters.eq("_id", vendorId),
                            Filters.or(Filters.exists("at", false), Filters.lte("at", Date.from(at)))),
                    Updates.combine(Updates.set("status", status), Updates.set("at", Date.from(at))),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                LOG.info(() -> "vendor " + vendorId + ": " + status + " older than the known status; ignored");
                return false;
            }
            throw e;
        }
    }

    /** Takes every active product of the vendor back to pending; @return how many. */
    int unpublish(String vendorId, String why) {
        int count = 0;
        while (true) {
            Document after = database.getCollection(Product.COLLECTION).findOneAndUpdate(
                    Filters.and(Filters.eq("vendorId", vendorId), Filters.eq("status", "active")),
                    Updates.combine(Updates.set("status", "pending"), Updates.set("unpublishedReason", why),
                            Updates.set("updatedAt", new Date())),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (after == null) {
                break;
            }
            count++;
            cache.invalidate();
            events.updated(Product.of(after));
        }
        return count;
    }
}
