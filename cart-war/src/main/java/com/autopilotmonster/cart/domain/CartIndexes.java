package com.autopilotmonster.cart.domain;

import com.autopilotmonster.common.data.IndexContributor;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The spec's indexes on {@code carts}: one cart per user (unique - also what settles two first adds at
 * once), expiry by TTL where the store honours it ({@link CartSweeper} covers stores that do not), and the
 * product lookup that catalog events need.
 */
@ApplicationScoped
public class CartIndexes implements IndexContributor {

    @Override
    public Map<String, List<IndexModel>> indexes() {
        return Map.of(CartStore.COLLECTION, List.of(
                new IndexModel(Indexes.ascending("userId"), new IndexOptions().unique(true).name("userId_1")),
                new IndexModel(Indexes.ascending("expiresAt"),
                        new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expiresAt_1")),
                new IndexModel(Indexes.ascending("items.productId"), new IndexOptions().name("items.productId_1"))));
    }
}
