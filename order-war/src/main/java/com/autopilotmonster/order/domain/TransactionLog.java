package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Append-only log of every payment step and every verified webhook (admins read it). */
@ApplicationScoped
public class TransactionLog {

    private static final Logger LOG = Logger.getLogger(TransactionLog.class.getName());

    @Inject
    MongoDatabase database;

    /** What happened, before it is written. */
    public record Step(String provider, String kind, String eventId, String eventType, String providerRef,
                       BigDecimal amount, String currency, String outcome, String detail) {
    }

    public void append(Order order, Step step) {
        append(order == null ? null : order.orderId(), order == null ? null : order.userId(), step);
    }

    public void append(String orderId, String userId, Step step) {
        Transaction entry = new Transaction(null, orderId, userId, step.provider(), step.kind(), step.eventId(),
                step.eventType(), step.providerRef(), step.amount(), step.currency(), step.outcome(), step.detail(),
                Instant.now());
        collection().insertOne(entry.toDocument());
        LOG.info(() -> "transaction " + step.kind() + " " + step.provider() + " order=" + orderId + " event="
                + step.eventId() + " outcome=" + step.outcome() + (step.detail() == null ? "" : " (" + step.detail() + ")"));
    }

    /** Oldest first for one order (its story); newest first across orders. */
    public Page<Transaction> list(String orderId, String provider, String outcome, PageRequest paging) {
        List<Bson> filters = new ArrayList<>();
        if (orderId != null) {
            filters.add(Filters.eq("orderId", orderId));
        }
        if (provider != null) {
            filters.add(Filters.eq("provider", provider));
        }
        if (outcome != null) {
            filters.add(Filters.eq("outcome", outcome));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = collection().countDocuments(filter);
        Bson sort = orderId != null ? Sorts.ascending("createdAt") : Sorts.descending("createdAt");
        List<Transaction> page = collection().find(filter).sort(sort).skip((int) paging.offset()).limit(paging.limit())
                .map(Transaction::from).into(new ArrayList<>());
        return new Page<>(page, paging.page(), paging.limit(), total);
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(Transaction.COLLECTION);
    }
}
