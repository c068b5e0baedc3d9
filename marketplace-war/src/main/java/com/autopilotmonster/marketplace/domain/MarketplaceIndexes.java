package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.data.IndexContributor;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The spec's indexes plus the ones the queries here need. The unique ones (review per user and product,
 * category slug) are enforced by every store; the secondary ones serve real MongoDB (mongo-java-server
 * ignores non-unique indexes). The spec's {@code {name: 'text', description: 'text'}} index is declared only
 * with {@code marketplace.text-index.enabled=true} (real MongoDB): mongo-java-server has no text indexes, and
 * search here is a quoted regex, which works on both stores.
 */
@ApplicationScoped
public class MarketplaceIndexes implements IndexContributor {

    @Inject
    @ConfigProperty(name = "marketplace.text-index.enabled", defaultValue = "false")
    boolean textIndex;

    @Override
    public Map<String, List<IndexModel>> indexes() {
        List<IndexModel> products = new ArrayList<>(List.of(
                        new IndexModel(Indexes.ascending("vendorId", "status")),
                        new IndexModel(Indexes.ascending("category", "price")),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("createdAt"))),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("rating"))),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("downloadCount"))),
                        new IndexModel(Indexes.ascending("tags"))));
        if (textIndex) {
            products.add(new IndexModel(Indexes.compoundIndex(Indexes.text("name"), Indexes.text("description"))));
        }
        return Map.of(
                Product.COLLECTION, products,
                Review.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("productId", "userId"),
                                new IndexOptions().unique(true).name("productId_1_userId_1")),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("productId"), Indexes.descending("createdAt")))),
                PaidPurchases.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("userId", "productId"),
                                new IndexOptions().unique(true).name("userId_1_productId_1"))),
                Coupon.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("code"), new IndexOptions().unique(true).name("code_1"))),
                CouponRedemptions.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("status", "createdAt")),
                        new IndexModel(Indexes.ascending("couponId"))),
                Category.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("slug"), new IndexOptions().unique(true).name("slug_1"))));
    }
}
