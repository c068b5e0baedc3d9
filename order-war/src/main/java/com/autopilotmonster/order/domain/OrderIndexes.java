package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.data.IndexContributor;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The spec's order indexes (unique orderId, userId + createdAt, status + paymentStatus), the payment
 * intent lookup of webhooks, the idempotency keys (unique per user and key, expired by TTL on real MongoDB)
 * and the transaction log's lookups.
 */
@ApplicationScoped
public class OrderIndexes implements IndexContributor {

    @Override
    public Map<String, List<IndexModel>> indexes() {
        return Map.of(
                Order.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("orderId"), new IndexOptions().unique(true).name("orderId_1")),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("createdAt"))),
                        new IndexModel(Indexes.ascending("status", "paymentStatus")),
                        new IndexModel(Indexes.ascending("paymentIntent"))),
                IdempotencyKeys.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("userId", "key"), new IndexOptions().unique(true).name("userId_1_key_1")),
                        new IndexModel(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS))),
                ProviderEvents.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("receivedAt"), new IndexOptions().expireAfter(90L * 86400, TimeUnit.SECONDS))),
                Transaction.COLLECTION, List.of(
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("orderId"), Indexes.ascending("createdAt"))),
                        new IndexModel(Indexes.descending("createdAt"))),
                CheckoutSession.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("userId")),
                        // sessions are short-lived: real MongoDB removes them a day after they expired
                        new IndexModel(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(86400L, TimeUnit.SECONDS))),
                SavedPaymentMethods.COLLECTION, List.of(new IndexModel(Indexes.ascending("userId", "createdAt"))));
    }
}
