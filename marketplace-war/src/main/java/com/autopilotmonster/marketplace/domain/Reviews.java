package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.marketplace.events.ReviewEvents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Reviews and the product's rating. One review per user and product is enforced by the unique index
 * (a concurrent second attempt is a 409 too, not a race). The rating stays exact under concurrency without
 * transactions: each review {@code $inc}s the product's {@code ratingSum} and {@code reviewCount} in one
 * atomic update and gets the new totals back; it then writes {@code rating = sum / count} only if the totals
 * are still those (a conditional update). Whichever review incremented last therefore always writes the
 * final average, and a slower writer's stale average can never land after it. Each stored review is published
 * as {@code review.created} (outbox).
 */
@ApplicationScoped
public class Reviews {

    @Inject
    Template template;

    @Inject
    MongoDatabase database;

    @Inject
    PurchaseVerifier purchases;

    @Inject
    CatalogCache cache;

    @Inject
    ReviewEvents events;

    /** Off by default, as in the original platform: anyone signed in may review; buyers' reviews are marked. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "marketplace.reviews.buyers-only", defaultValue = "false")
    boolean buyersOnly;

    public Review add(String productId, String userId, String userName, int rating, String title, String comment) {
        ObjectId id = ProductCatalog.parseId(productId);
        Document product = products().find(Filters.and(Filters.eq("_id", id), Filters.eq("status", ProductStatus.ACTIVE)))
                .first();
        if (product == null) {
            throw ApiException.notFound("Product not found");
        }
        if (userId.equals(product.getString("vendorId"))) {
            throw ApiException.forbidden("Vendors cannot review their own products");
        }
        boolean bought = purchases.hasPurchased(userId, productId);
        if (buyersOnly && !bought) {
            throw ApiException.forbidden("Only buyers of this product may review it");
        }
        Review review = Review.write(productId, userId, userName, rating, title, comment, bought);
        try {
            template.insert(review);
        } catch (RuntimeException e) {
            if (StoreErrors.isDuplicateKey(e)) {
                throw ApiException.conflict("You have already reviewed this product");
            }
            throw e;
        }
        // the vendor service's averageRating is fed by this event
        events.created(review, product.getString("vendorId"));
        Document totals = products().findOneAndUpdate(Filters.eq("_id", id),
                Updates.combine(Updates.inc("ratingSum", rating), Updates.inc("reviewCount", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (totals != null) {
            Object sum = totals.get("ratingSum");
            Object count = totals.get("reviewCount");
            double average = ((Number) sum).doubleValue() / ((Number) count).doubleValue();
            products().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("ratingSum", sum),
                    Filters.eq("reviewCount", count)), Updates.set("rating", average));
        }
        cache.invalidate();
        return review;
    }

    /** Reviews of an active product, newest first. */
    public Page<Review> of(String productId, PageRequest paging) {
        ObjectId id = ProductCatalog.parseId(productId);
        if (products().countDocuments(Filters.and(Filters.eq("_id", id), Filters.eq("status", ProductStatus.ACTIVE))) == 0) {
            throw ApiException.notFound("Product not found");
        }
        long total = database.getCollection(Review.COLLECTION).countDocuments(Filters.eq("productId", productId));
        List<Review> items = template.select(Review.class).where("productId").eq(productId).orderBy("createdAt").desc()
                .skip(paging.offset()).limit(paging.limit()).result();
        return new Page<>(items, paging.page(), paging.limit(), total);
    }

    private MongoCollection<Document> products() {
        return database.getCollection(Product.COLLECTION);
    }
}
