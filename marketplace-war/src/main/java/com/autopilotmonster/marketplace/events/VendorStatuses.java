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
import java.util.Optional;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * What the marketplace knows of vendors' status (collection {@code vendor_status}, fed by the vendor service's
 * {@code vendor.*} events; a newer event always wins over an older one, whatever order they arrive in).
 * Only an active vendor's products go live: a product can be set {@code active} only while the marketplace
 * knows its vendor as {@code active} (a {@code vendor.approved} or {@code vendor.reactivated} event) - a vendor
 * with no record, or one pending, rejected or suspended, is refused with 409. Products already active stay so
 * (imported catalogs, the seed); a suspension or rejection takes the vendor's active products back to
 * {@code pending} (each with a {@code product.updated}).
 */
@ApplicationScoped
public class VendorStatuses {

    static final String COLLECTION = "vendor_status";
    static final String ACTIVE = "active";
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

    /** What the marketplace knows of a vendor: its status and the time of the event that set it. */
    public record Known(String vendorId, String status, Instant at) {
    }

    public Optional<Known> of(String vendorId) {
        Document d = vendorId == null ? null : statuses().find(Filters.eq("_id", vendorId)).first();
        return Optional.ofNullable(d).map(k -> new Known(vendorId, k.getString("status"),
                k.getDate("at") == null ? null : k.getDate("at").toInstant()));
    }

    /** Refuses (409) publishing a product unless its vendor is known to be active. */
    public void requirePublishable(String vendorId) {
        Optional<Known> known = of(vendorId);
        if (known.isEmpty()) {
            throw ApiException.conflict("The vendor of this product has no approved vendor record; its products "
                    + "can be published once an admin has approved the vendor");
        }
        if (!ACTIVE.equals(known.get().status())) {
            throw ApiException.conflict("The vendor of this product is " + known.get().status()
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
