package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Orders in MongoDB. No multi-document transactions (the store does not offer them): every state change is
 * one conditional {@code findOneAndUpdate} whose filter holds the states the change may start from, so two
 * concurrent webhooks or a webhook racing a cancel can never both win.
 */
@ApplicationScoped
public class OrderStore {

    private static final Logger LOG = Logger.getLogger(OrderStore.class.getName());

    @Inject
    MongoDatabase database;

    MongoCollection<Document> collection() {
        return database.getCollection(Order.COLLECTION);
    }

    /** @return false if the orderId is taken (unique index), so the caller draws another one */
    boolean insert(Document order) {
        try {
            collection().insertOne(order);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** By the Mongo id (24 hex) or by the human-friendly orderId. */
    public Optional<Order> find(String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        Bson filter = ObjectId.isValid(id) ? Filters.eq("_id", new ObjectId(id)) : Filters.eq("orderId", id);
        return Optional.ofNullable(collection().find(filter).first()).map(Order::from);
    }

    public Optional<Order> byPaymentIntent(String paymentIntent) {
        if (paymentIntent == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection().find(Filters.eq("paymentIntent", paymentIntent)).first()).map(Order::from);
    }

    /** The order that replaced this payment reference by another (see {@code Payments}: earlierPaymentIntents). */
    public Optional<Order> byEarlierPaymentIntent(String paymentIntent) {
        return Optional.ofNullable(collection().find(Filters.eq("earlierPaymentIntents", paymentIntent)).first())
                .map(Order::from);
    }

    public Optional<Order> byPaymentId(String paymentId) {
        return Optional.ofNullable(collection().find(Filters.eq("paymentId", paymentId)).first()).map(Order::from);
    }

    /** Newest first. {@code filters} are already safe (exact values checked by the caller). */
    public Page<Order> list(List<Bson> filters, PageRequest paging) {
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = collection().countDocuments(filter);
        List<Order> orders = collection().find(filter).sort(Sorts.descending("createdAt"))
                .skip((int) paging.offset()).limit(paging.limit()).map(Order::from).into(new ArrayList<>());
        return new Page<>(orders, paging.page(), paging.limit(), total);
    }

    /**
     * Moves the order to {@code status} and/or {@code payment} if - at the moment of the write - its current
     * states allow it. {@code null} leaves that state as it is.
     *
     * @return the order after the change, or empty when the transition is not allowed (or the order is gone)
     */
    public Optional<Order> transition(String id, OrderStatus status, PaymentStatus payment, String reason,
                                      List<Bson> alsoSet, List<Bson> alsoRequire) {
        List<Bson> filter = new ArrayList<>();
        filter.add(Filters.eq("_id", new ObjectId(id)));
        if (status != null) {
            filter.add(Filters.in("status", values(OrderStatus.sourcesOf(status))));
        }
        if (payment != null) {
            filter.add(Filters.in("paymentStatus", paymentValues(PaymentStatus.sourcesOf(payment))));
        }
        filter.addAll(alsoRequire);
        Date now = new Date();
        List<Bson> updates = new ArrayList<>(alsoSet);
        Document history = new Document("reason", reason).append("at", now);
        if (status != null) {
            updates.add(Updates.set("status", status.value()));
            history.append("status", status.value());
        }
        if (payment != null) {
            updates.add(Updates.set("paymentStatus", payment.value()));
            history.append("paymentStatus", payment.value());
        }
        updates.add(Updates.set("updatedAt", now));
        updates.add(Updates.push("statusHistory", history));
        Document after = collection().findOneAndUpdate(Filters.and(filter), Updates.combine(updates),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(after).map(Order::from);
    }

    /** Marks the order for a person to look at (and logs why); nothing else about it changes. */
    public Optional<Order> flagForReview(String id, String reason) {
        LOG.warning(() -> "order " + id + " flagged for review: " + reason);
        Date now = new Date();
        Document after = collection().findOneAndUpdate(Filters.eq("_id", new ObjectId(id)), Updates.combine(
                        Updates.set("needsReview", true), Updates.set("reviewReason", reason), Updates.set("updatedAt", now),
                        Updates.push("statusHistory", new Document("reason", "review: " + reason).append("at", now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(after).map(Order::from);
    }

    static List<String> values(Set<OrderStatus> states) {
        return states.stream().map(OrderStatus::value).toList();
    }

    static List<String> paymentValues(Set<PaymentStatus> states) {
        return states.stream().map(PaymentStatus::value).toList();
    }

    static Date date(Instant instant) {
        return Date.from(instant);
    }
}
