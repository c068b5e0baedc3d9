package com.autopilotmonster.vendor.domain;

import com.autopilotmonster.common.data.Exists;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The available balance of one vendor in one currency: one document ({@code balances}, {@code _id} =
 * {@code vendorId:currency}, whole cents). Every change is ONE atomic update that also records the id of the
 * operation causing it in {@code ops} and only applies when that id is not there yet - so applying the same
 * operation twice (a retry after a crash, a repair sweep) changes the money once. A withdrawal adds the
 * condition {@code availableCents >= amount} to the same update: concurrent payout requests are settled by the
 * store, never by a read followed by a write. After the caller has recorded the operation as done on its own
 * document it calls {@link #forget} so {@code ops} stays short.
 */
@ApplicationScoped
public class Balances {

    static final String COLLECTION = "balances";

    @Inject
    MongoDatabase database;

    MongoCollection<Document> balances() {
        return database.getCollection(COLLECTION);
    }

    static String id(String vendorId, String currency) {
        return vendorId + ":" + currency;
    }

    /** Adds (or subtracts) an amount unconditionally; the balance may go negative (refund after payout). */
    public void apply(String vendorId, String currency, String opId, long deltaCents) {
        Bson filter = Filters.and(Filters.eq("_id", id(vendorId, currency)), Filters.ne("ops", opId));
        Bson update = Updates.combine(Updates.inc("availableCents", deltaCents), Updates.push("ops", opId),
                Updates.setOnInsert("vendorId", vendorId), Updates.setOnInsert("currency", currency));
        try {
            balances().updateOne(filter, update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // the document exists and already holds this operation: the upsert collided with it - applied before
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Withdraws an amount only if at least that much is available, atomically.
     *
     * @return true if withdrawn now or by an earlier attempt of the same operation
     */
    public boolean withdraw(String vendorId, String currency, String opId, long amountCents) {
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq("_id", id(vendorId, currency)),
                Filters.ne("ops", opId), Filters.gte("availableCents", amountCents)));
        UpdateResult result = balances().updateOne(Filters.and(conditions),
                Updates.combine(Updates.inc("availableCents", -amountCents), Updates.push("ops", opId)));
        return result.getModifiedCount() == 1 || holds(vendorId, currency, opId);
    }

    public boolean holds(String vendorId, String currency, String opId) {
        return Exists.any(balances(), Filters.and(Filters.eq("_id", id(vendorId, currency)), Filters.eq("ops", opId)));
    }

    public void forget(String vendorId, String currency, String opId) {
        balances().updateOne(Filters.eq("_id", id(vendorId, currency)), Updates.pull("ops", opId));
    }

    public long available(String vendorId, String currency) {
        Document d = balances().find(Filters.eq("_id", id(vendorId, currency))).first();
        Number n = d == null ? null : (Number) d.get("availableCents");
        return n == null ? 0 : n.longValue();
    }

    /** Currencies in which the vendor has a balance. */
    public List<String> currencies(String vendorId) {
        List<String> out = new ArrayList<>();
        balances().find(Filters.eq("vendorId", vendorId)).forEach(d -> out.add(d.getString("currency")));
        return out;
    }
}
