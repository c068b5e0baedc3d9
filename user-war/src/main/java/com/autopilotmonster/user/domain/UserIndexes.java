package com.autopilotmonster.user.domain;

import com.autopilotmonster.common.data.IndexContributor;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Indexes of {@code user_db}: one profile and one wishlist per user (unique - also what settles two first
 * reads at once), one purchase per order line (unique {@code orderId, productId} - what makes the order
 * events' upserts safe), unguessable licence keys unique, one active-subscription claim per user (its
 * {@code _id} is the user id).
 */
@ApplicationScoped
public class UserIndexes implements IndexContributor {

    @Override
    public Map<String, List<IndexModel>> indexes() {
        return Map.of(
                Profiles.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("userId"), new IndexOptions().unique(true).name("userId_1"))),
                Wishlists.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("userId"), new IndexOptions().unique(true).name("userId_1")),
                        new IndexModel(Indexes.ascending("items.productId"), new IndexOptions().name("items.productId_1"))),
                Purchases.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("orderId", "productId"),
                                new IndexOptions().unique(true).name("orderId_1_productId_1")),
                        new IndexModel(Indexes.ascending("licenseKey"), new IndexOptions().unique(true).name("licenseKey_1")),
                        new IndexModel(Indexes.ascending("userId", "createdAt"), new IndexOptions().name("userId_1_createdAt_1")),
                        new IndexModel(Indexes.ascending("userId", "productId"), new IndexOptions().name("userId_1_productId_1"))),
                Subscriptions.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("userId", "status"), new IndexOptions().name("userId_1_status_1")),
                        new IndexModel(Indexes.ascending("stripeSubscriptionId"), new IndexOptions().name("stripeSubscriptionId_1"))));
    }
}
