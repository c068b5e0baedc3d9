package com.autopilotmonster.vendor.domain;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.events.EventPublisher;
import com.autopilotmonster.common.problem.ApiException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Payout requests and their admin handling. A request reserves its amount with ONE conditional update of the
 * balance document ({@link Balances#withdraw}): twenty concurrent requests can never together take more than is
 * available. Every status change is a conditional update from the expected status, so two admins clicking at
 * once cannot pay twice, and money returns to the balance exactly once on rejection or a failed transfer.
 */
@ApplicationScoped
public class Payouts {

    private static final Logger LOG = Logger.getLogger(Payouts.class.getName());

    @Inject
    MongoDatabase database;

    @Inject
    Balances balances;

    @Inject
    Ledger ledger;

    @Inject
    Vendors vendors;

    @Inject
    VendorSettings settings;

    @Inject
    StripeConnect stripe;

    @Inject
    EventPublisher events;

    MongoCollection<Document> payouts() {
        return database.getCollection(Payout.COLLECTION);
    }

    public Payout request(String vendorId, BigDecimal amount, String currencyCode) {
        Vendor vendor = vendors.find(vendorId).orElseThrow(() -> ApiException.notFound(
                "No vendor record: create your vendor profile first (PUT /api/vendors/profile)"));
        if (!vendor.isActive()) {
            throw ApiException.forbidden("Only active vendors can request payouts (this vendor is " + vendor.status() + ")");
        }
        String currency = Money.currency(currencyCode, settings.currency());
        if (amount == null || amount.signum() <= 0) {
            throw ApiException.badRequest("amount must be greater than 0");
        }
        if (amount.stripTrailingZeros().scale() > Money.SCALE) {
            throw ApiException.badRequest("amount has at most 2 decimals");
        }
        BigDecimal minimum = settings.current().payoutMinimum();
        if (amount.compareTo(minimum) < 0) {
            throw ApiException.unprocessable("The minimum payout is " + minimum.toPlainString() + " " + currency);
        }
        String destination = vendor.payout() == null ? null : vendor.payout().stripeAccountId();
        if (!stripe.sandbox() && (destination == null || destination.isBlank())) {
            throw ApiException.unprocessable("Add a Stripe Connect account (payout.stripeAccountId) to your profile first");
        }
        long cents = Money.cents(amount.setScale(Money.SCALE));
        ledger.settle(vendorId);
        String payoutId = new ObjectId().toHexString();
        Date now = new Date();
        Document payout = new Document("_id", payoutId).append("vendorId", vendorId).append("amountCents", cents)
                .append("currency", currency).append("status", Payout.REQUESTING)
                .append("method", stripe.sandbox() ? "sandbox" : "stripe_connect").append("destination", destination)
                .append("requestedAt", now).append("updatedAt", now);
        // the record first (status requesting, invisible to lists), so a crash after the withdrawal can be repaired
        payouts().insertOne(payout);
        String op = "payout:" + payoutId;
        if (!balances.withdraw(vendorId, currency, op, cents)) {
            payouts().deleteOne(Filters.eq("_id", payoutId));
            throw ApiException.unprocessable("The amount exceeds your available balance ("
                    + Money.amount(balances.available(vendorId, currency)).toPlainString() + " " + currency + ")");
        }
        Document requested = payouts().findOneAndUpdate(Filters.eq("_id", payoutId),
                Updates.set("status", Payout.REQUESTED), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        balances.forget(vendorId, currency, op);
        Payout done = Payout.of(requested);
        publish("payout.requested", done, null);
        return done;
    }

    public Page<Payout> list(String vendorId, String status, int page, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (vendorId != null) {
            filters.add(Filters.eq("vendorId", vendorId));
        }
        filters.add(status == null ? Filters.ne("status", Payout.REQUESTING) : Filters.eq("status", status));
        Bson filter = Filters.and(filters);
        long total = payouts().countDocuments(filter);
        List<Payout> items = new ArrayList<>();
        payouts().find(filter).sort(Sorts.descending("requestedAt", "_id")).skip((page - 1) * limit).limit(limit)
                .forEach(d -> items.add(Payout.of(d)));
        return new Page<>(items, page, limit, total);
    }

    public Payout approve(String payoutId) {
        Payout p = transition(payoutId, List.of(Payout.REQUESTED), Payout.APPROVED, "approvedAt", null, "approve");
        publish("payout.approved", p, null);
        return p;
    }

    public Payout reject(String payoutId, String reason) {
        Payout p = transition(payoutId, List.of(Payout.REQUESTED, Payout.APPROVED), Payout.REJECTED, "rejectedAt", reason,
                "reject");
        giveBack(p);
        publish("payout.rejected", p, reason);
        return p;
    }

    /** Transfers the money (Stripe Connect, or sandbox) and marks the payout paid; a failed transfer returns it. */
    public Payout paid(String payoutId) {
        Payout paying = transition(payoutId, List.of(Payout.APPROVED), Payout.PAYING, null, null, "pay");
        String transferId;
        try {
            transferId = stripe.transfer(payoutId, paying.vendorId(), paying.destination(), Money.cents(paying.amount()),
                    paying.currency());
        } catch (StripeConnect.TransferFailed e) {
            LOG.warning(() -> "payout " + payoutId + " transfer failed: " + e.getMessage());
            Payout failed = Payout.of(payouts().findOneAndUpdate(Filters.eq("_id", payoutId), Updates.combine(
                            Updates.set("status", Payout.FAILED), Updates.set("reason", e.getMessage()),
                            Updates.set("rejectedAt", new Date()), Updates.set("updatedAt", new Date())),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
            giveBack(failed);
            publish("payout.rejected", failed, e.getMessage());
            throw new ApiException(502, "transfer-failed", "Bad Gateway",
                    "The transfer failed; the amount is available again: " + e.getMessage());
        }
        Document after = payouts().findOneAndUpdate(Filters.and(Filters.eq("_id", payoutId), Filters.eq("status", Payout.PAYING)),
                Updates.combine(Updates.set("status", Payout.PAID), Updates.set("transferId", transferId),
                        Updates.set("paidAt", new Date()), Updates.set("updatedAt", new Date())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        Payout p = Payout.of(after);
        publish("payout.paid", p, null);
        return p;
    }

    private void giveBack(Payout p) {
        String op = "return:" + p.payoutId();
        balances.apply(p.vendorId(), p.currency(), op, Money.cents(p.amount()));
        payouts().updateOne(Filters.eq("_id", p.payoutId()), Updates.set("returned", true));
        balances.forget(p.vendorId(), p.currency(), op);
    }

    private Payout transition(String payoutId, List<String> from, String to, String timeField, String reason, String verb) {
        List<Bson> set = new ArrayList<>(List.of(Updates.set("status", to), Updates.set("updatedAt", new Date())));
        if (timeField != null) {
            set.add(Updates.set(timeField, new Date()));
        }
        if (reason != null) {
            set.add(Updates.set("reason", reason));
        }
        Document after = payouts().findOneAndUpdate(Filters.and(Filters.eq("_id", payoutId), Filters.in("status", from)),
                Updates.combine(set), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            Document current = payouts().find(Filters.eq("_id", payoutId)).first();
            if (current == null || Payout.REQUESTING.equals(current.getString("status"))) {
                throw ApiException.notFound("Payout not found");
            }
            throw ApiException.conflict("A " + current.getString("status") + " payout cannot " + verb
                    + " (only from " + String.join(" or ", from) + ")");
        }
        return Payout.of(after);
    }

    /** When the vendor's last paid payout in that currency was paid (empty: none yet). */
    public java.util.Optional<Instant> lastPaidAt(String vendorId, String currency) {
        Document last = payouts().find(Filters.and(Filters.eq("vendorId", vendorId), Filters.eq("currency", currency),
                Filters.eq("status", Payout.PAID))).sort(com.mongodb.client.model.Sorts.descending("paidAt")).limit(1).first();
        return java.util.Optional.ofNullable(last == null ? null : Vendor.instant(last.get("paidAt")));
    }

    /** Per currency: [paidOut, inFlight] in cents. */
    public Map<String, long[]> sums(String vendorId) {
        Map<String, long[]> out = new TreeMap<>();
        payouts().find(Filters.and(Filters.eq("vendorId", vendorId),
                Filters.in("status", Payout.REQUESTED, Payout.APPROVED, Payout.PAYING, Payout.PAID))).forEach(d -> {
                    long[] s = out.computeIfAbsent(d.getString("currency"), c -> new long[2]);
                    s[Payout.PAID.equals(d.getString("status")) ? 0 : 1] += LedgerEntry.cents(d, "amountCents");
                });
        return out;
    }

    /**
     * Requests interrupted between their record and the end (crash): a withdrawal that happened is kept
     * ({@code requested}), one that did not is dropped; rejected/failed payouts whose money return was
     * interrupted get it (the operation ids make both safe to repeat).
     */
    public void repair(Duration olderThan) {
        Date before = Date.from(Instant.now().minus(olderThan));
        for (Document d : payouts().find(Filters.and(Filters.eq("status", Payout.REQUESTING), Filters.lte("requestedAt", before)))
                .limit(100)) {
            String op = "payout:" + d.getString("_id");
            if (balances.holds(d.getString("vendorId"), d.getString("currency"), op)) {
                payouts().updateOne(Filters.eq("_id", d.getString("_id")), Updates.set("status", Payout.REQUESTED));
                balances.forget(d.getString("vendorId"), d.getString("currency"), op);
            } else {
                payouts().deleteOne(Filters.and(Filters.eq("_id", d.getString("_id")), Filters.eq("status", Payout.REQUESTING)));
            }
        }
        for (Document d : payouts().find(Filters.and(Filters.in("status", Payout.REJECTED, Payout.FAILED),
                Filters.ne("returned", true), Filters.lte("updatedAt", before))).limit(100)) {
            giveBack(Payout.of(d));
        }
    }

    private void publish(String topic, Payout p, String reason) {
        events.publish(topic, p.vendorId(), new PayoutEvent(p.payoutId(), p.vendorId(), p.amount(), p.currency(), p.status(),
                reason, Instant.now().toString()));
    }
}
