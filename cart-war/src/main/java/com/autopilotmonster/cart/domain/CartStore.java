package com.autopilotmonster.cart.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code cart_db.carts}, one document per user. There are no multi-document transactions in the store,
 * and a cart's totals depend on all of its lines, so every change is read - compute - conditional write:
 * the write only matches if the document still has the version ({@code __v}) that was read, otherwise
 * the change is computed again on the fresh document. Concurrent changes to one cart therefore never
 * lose each other's lines; a first cart that two requests create at once is settled by the unique
 * {@code userId} index.
 */
@ApplicationScoped
public class CartStore {

    public static final String COLLECTION = "carts";
    private static final Logger LOG = Logger.getLogger(CartStore.class.getName());
    private static final int MAX_ATTEMPTS = 64;

    @Inject
    MongoDatabase database;

    @Inject
    CartSettings settings;

    MongoCollection<Document> carts() {
        return database.getCollection(COLLECTION);
    }

    /** The user's live cart; an expired one counts as absent even before the sweep removed it. */
    public Optional<Cart> find(String userId) {
        Document doc = carts().find(Filters.eq("userId", userId)).first();
        if (doc == null) {
            return Optional.empty();
        }
        Cart cart = Cart.from(doc);
        return cart.expiredAt(Instant.now()) ? Optional.empty() : Optional.of(cart);
    }

    /**
     * Applies {@code change} atomically to the user's cart.
     *
     * @param create     start a new cart when the user has none (adding an item); otherwise nothing happens
     * @param userChange a change the user made: it restarts the expiry clock; catalog and order events do not
     * @param change     the new cart from the current one; returning the same instance means "nothing to do"
     * @return the cart as written (or as found, when there was nothing to do)
     */
    public Optional<Cart> change(String userId, boolean create, boolean userChange, UnaryOperator<Cart> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant now = Instant.now();
            Document doc = carts().find(Filters.eq("userId", userId)).first();
            Cart current = doc == null ? null : Cart.from(doc);
            if (current != null && current.expiredAt(now)) {
                // an expired cart is gone for the user; remove it (if unchanged) and start afresh
                carts().deleteOne(Filters.and(Filters.eq("_id", current.objectId()), versionIs(current.version())));
                continue;
            }
            if (current == null) {
                if (!create) {
                    return Optional.empty();
                }
                current = Cart.empty(userId);
            }
            Cart next = change.apply(current);
            if (next == current) {
                return current.isStored() ? Optional.of(current) : Optional.empty();
            }
            Document written = next.toDocument(CartTotals.of(next.lines(), settings.taxRate(), next.discount()), settings.currency(),
                    now, userChange ? now.plus(settings.expiry()) : null);
            if (write(current, written)) {
                return Optional.of(Cart.from(written));
            }
            backOff(attempt);
        }
        LOG.warning(() -> "cart of " + userId + " still contended after " + MAX_ATTEMPTS + " attempts");
        throw ApiException.conflict("The cart is being changed by another request; retry");
    }

    /** @return false if another writer got there first */
    private boolean write(Cart current, Document next) {
        if (!current.isStored()) {
            try {
                carts().insertOne(next);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        Document fields = new Document(next);
        fields.remove("_id");
        return carts().updateOne(Filters.and(Filters.eq("_id", current.objectId()), versionIs(current.version())),
                new Document("$set", fields)).getMatchedCount() == 1;
    }

    /** Carts written by the Node service may have no {@code __v} at all: that is version 0. */
    private static Bson versionIs(long version) {
        return version == 0 ? Filters.or(Filters.eq("__v", 0), Filters.exists("__v", false))
                : Filters.eq("__v", version);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 10) * 3L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while updating the cart");
        }
    }

    public boolean delete(String userId) {
        return carts().deleteOne(Filters.eq("userId", userId)).getDeletedCount() > 0;
    }

    /** The users whose carts hold a line for the product (catalog events touch only these). */
    public List<String> usersHolding(String productId) {
        List<String> users = new ArrayList<>();
        carts().find(Filters.eq("items.productId", productId)).projection(Projections.include("userId"))
                .forEach(d -> users.add(d.getString("userId")));
        return users;
    }

    /** Removes carts whose expiry has passed; real MongoDB's TTL index does the same, this works everywhere. */
    public long deleteExpired(Instant now) {
        return carts().deleteMany(Filters.lte("expiresAt", Date.from(now))).getDeletedCount();
    }
}
