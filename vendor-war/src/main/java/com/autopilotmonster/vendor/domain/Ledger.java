package com.autopilotmonster.vendor.domain;

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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The earnings ledger. Rules (README "Ledger"):
 * <ul>
 * <li>a sold line credits {@code net = price x quantity - commission} (commission = gross x rate in force at the
 * sale, half-up to the cent) as {@code pending} until {@code availableAt = sale + holding period};</li>
 * <li>{@link #settle} moves due credits to {@code available} (an atomic state flip, then the balance);</li>
 * <li>a refund of a line whose credit is still pending reverses it (no money ever became available); a refund of
 * an available (or already paid out) credit debits the available balance by the same net, which may go negative
 * - the next sales fill it before any new payout is possible;</li>
 * <li>each entry carries orderId and eventId; the unique index on (eventId, productId) makes a redelivered event
 * one effect even beside the consumer's own idempotency.</li>
 * </ul>
 */
@ApplicationScoped
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class.getName());

    @Inject
    MongoDatabase database;

    @Inject
    Balances balances;

    @Inject
    VendorSettings settings;

    @Inject
    Vendors vendors;

    MongoCollection<Document> entries() {
        return database.getCollection(LedgerEntry.COLLECTION);
    }

    /** A sold (or refunded) product line as the order service's events carry it. */
    /** A sold line; {@code discount} is its share of a coupon (zero without one): vendors earn on what was charged. */
    public record Line(String productId, String productName, String vendorId, BigDecimal price, int quantity,
                       BigDecimal discount) {

        public Line {
            discount = discount == null ? BigDecimal.ZERO : discount;
        }

        long grossCents() {
            return Money.gross(price, quantity) - Money.cents(discount);
        }
    }

    /** {@code payment.success}: one pending credit per vendor line. */
    public void sold(String eventId, String orderId, String currency, List<Line> lines, Instant at) {
        VendorSettings.Current current = settings.current();
        Instant availableAt = at.plus(current.holding());
        for (Line line : lines) {
            long gross = line.grossCents();
            long commission = Money.commission(gross, current.commissionRate());
            Document entry = new Document("_id", new ObjectId().toHexString()).append("vendorId", line.vendorId())
                    .append("type", LedgerEntry.SALE).append("state", LedgerEntry.PENDING).append("currency", currency)
                    .append("grossCents", gross).append("commissionCents", commission)
                    .append("commissionRate", current.commissionRate().toPlainString())
                    .append("netCents", gross - commission).append("orderId", orderId).append("eventId", eventId)
                    .append("productId", line.productId()).append("productName", line.productName())
                    .append("unitPrice", line.price().toPlainString()).append("quantity", line.quantity())
                    .append("discount", line.discount().toPlainString())
                    .append("availableAt", Date.from(availableAt)).append("createdAt", Date.from(at))
                    .append("applied", true);
            Document stored = insertOrFind(entry);
            vendors.addRevenue(line.vendorId(), gross, stored.getString("_id"));
        }
        if (current.holding().isZero() || current.holding().isNegative()) {
            lines.stream().map(Line::vendorId).distinct().forEach(this::settle);
        }
    }

    /** {@code order.refunded}: every line's credit is reversed (pending) or debited (available). */
    public void refunded(String eventId, String orderId, String currency, List<Line> lines, Instant at) {
        for (Line line : lines) {
            String debitId = new ObjectId().toHexString();
            Document credit = entries().findOneAndUpdate(Filters.and(Filters.eq("type", LedgerEntry.SALE),
                            Filters.eq("orderId", orderId), Filters.eq("productId", line.productId()),
                            Filters.eq("vendorId", line.vendorId()), Filters.eq("state", LedgerEntry.PENDING)),
                    Updates.combine(Updates.set("state", LedgerEntry.REVERSED), Updates.set("refundedBy", debitId)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            boolean reversed = credit != null;
            if (credit == null) {
                credit = entries().find(Filters.and(Filters.eq("type", LedgerEntry.SALE), Filters.eq("orderId", orderId),
                        Filters.eq("productId", line.productId()), Filters.eq("vendorId", line.vendorId()))).first();
            }
            long gross;
            long commission;
            String rate;
            if (credit != null) {
                gross = LedgerEntry.cents(credit, "grossCents");
                commission = LedgerEntry.cents(credit, "commissionCents");
                rate = credit.getString("commissionRate");
            } else {
                // refund seen before (or without) its sale: debit what the sale would have credited now
                BigDecimal r = settings.current().commissionRate();
                gross = line.grossCents();
                commission = Money.commission(gross, r);
                rate = r.toPlainString();
                LOG.warning(() -> "order.refunded " + eventId + ": no sale entry for order " + orderId + " product "
                        + line.productId() + "; debited at the current rate");
            }
            Document debit = new Document("_id", debitId).append("vendorId", line.vendorId())
                    .append("type", LedgerEntry.REFUND)
                    .append("state", reversed ? LedgerEntry.REVERSED : LedgerEntry.AVAILABLE).append("currency", currency)
                    .append("grossCents", -gross).append("commissionCents", -commission).append("commissionRate", rate)
                    .append("netCents", -(gross - commission)).append("orderId", orderId).append("eventId", eventId)
                    .append("productId", line.productId()).append("productName", line.productName())
                    .append("unitPrice", line.price().toPlainString()).append("quantity", line.quantity())
                    .append("discount", line.discount().toPlainString())
                    .append("refundOf", credit == null ? null : credit.getString("_id"))
                    .append("availableAt", Date.from(at)).append("createdAt", Date.from(at)).append("releasedAt", new Date())
                    .append("applied", reversed);
            // a repeat (redelivery after an interrupted run) finishes what the first run may not have done;
            // each step is guarded by the entry's id
            Document stored = insertOrFind(debit);
            vendors.addRevenue(line.vendorId(), -gross, stored.getString("_id"));
            if (!stored.getBoolean("applied", false)) {
                applyToBalance(stored);
            }
        }
    }

    /** The entry as stored: this one, or the one a previous run of the same event wrote (unique per event and product). */
    private Document insertOrFind(Document entry) {
        try {
            entries().insertOne(entry);
            return entry;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            LOG.info(() -> "ledger entry for event " + entry.get("eventId") + " product " + entry.get("productId")
                    + " exists; finishing its follow-ups only");
            Document stored = entries().find(Filters.and(Filters.eq("eventId", entry.get("eventId")),
                    Filters.eq("productId", entry.get("productId")))).first();
            if (stored == null) {
                throw e;
            }
            return stored;
        }
    }

    /** Moves the vendor's due pending credits to available (null: every vendor). */
    public int settle(String vendorId) {
        Date now = new Date();
        List<Bson> due = new ArrayList<>(List.of(Filters.eq("state", LedgerEntry.PENDING), Filters.lte("availableAt", now)));
        if (vendorId != null) {
            due.add(Filters.eq("vendorId", vendorId));
        }
        int moved = 0;
        while (true) {
            Document entry = entries().findOneAndUpdate(Filters.and(due),
                    Updates.combine(Updates.set("state", LedgerEntry.AVAILABLE), Updates.set("applied", false),
                            Updates.set("releasedAt", now)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (entry == null) {
                return moved;
            }
            applyToBalance(entry);
            moved++;
        }
    }

    /** Entries whose balance effect was interrupted (crash between the state flip and the balance) are finished. */
    public int repair(Duration olderThan) {
        Date before = Date.from(Instant.now().minus(olderThan));
        int repaired = 0;
        for (Document entry : entries().find(Filters.and(Filters.eq("state", LedgerEntry.AVAILABLE),
                Filters.eq("applied", false), Filters.lte("releasedAt", before))).limit(100)) {
            applyToBalance(entry);
            repaired++;
        }
        return repaired;
    }

    private void applyToBalance(Document entry) {
        String vendorId = entry.getString("vendorId");
        String currency = entry.getString("currency");
        String op = "entry:" + entry.getString("_id");
        balances.apply(vendorId, currency, op, LedgerEntry.cents(entry, "netCents"));
        entries().updateOne(Filters.eq("_id", entry.getString("_id")), Updates.set("applied", true));
        balances.forget(vendorId, currency, op);
    }

    public List<LedgerEntry> entries(String vendorId, int page, int limit) {
        List<LedgerEntry> out = new ArrayList<>();
        entries().find(Filters.eq("vendorId", vendorId)).sort(Sorts.descending("createdAt", "_id"))
                .skip((page - 1) * limit).limit(limit).forEach(d -> out.add(LedgerEntry.of(d)));
        return out;
    }

    public long count(String vendorId) {
        return entries().countDocuments(Filters.eq("vendorId", vendorId));
    }

    /** Every entry of a vendor in a period, oldest first (analytics). */
    public List<LedgerEntry> between(String vendorId, Instant from, Instant to) {
        List<LedgerEntry> out = new ArrayList<>();
        entries().find(Filters.and(Filters.eq("vendorId", vendorId), Filters.gte("createdAt", Date.from(from)),
                Filters.lt("createdAt", Date.from(to)))).sort(Sorts.ascending("createdAt"))
                .forEach(d -> out.add(LedgerEntry.of(d)));
        return out;
    }

    /** Sums per currency: [lifetime, pending] in cents. */
    public java.util.Map<String, long[]> sums(String vendorId) {
        java.util.Map<String, long[]> out = new java.util.TreeMap<>();
        entries().find(Filters.eq("vendorId", vendorId))
                .projection(new Document("currency", 1).append("state", 1).append("netCents", 1)).forEach(d -> {
                    long[] s = out.computeIfAbsent(d.getString("currency"), c -> new long[2]);
                    long net = LedgerEntry.cents(d, "netCents");
                    s[0] += net;
                    if (LedgerEntry.PENDING.equals(d.getString("state"))) {
                        s[1] += net;
                    }
                });
        return out;
    }

    /** When the vendor's next pending credit in that currency becomes available (empty: nothing pending). */
    public java.util.Optional<Instant> nextAvailableAt(String vendorId, String currency) {
        Document next = entries().find(Filters.and(Filters.eq("vendorId", vendorId), Filters.eq("currency", currency),
                Filters.eq("state", LedgerEntry.PENDING))).sort(Sorts.ascending("availableAt")).limit(1).first();
        return java.util.Optional.ofNullable(next == null ? null : Vendor.instant(next.get("availableAt")));
    }

    /** Gross sales per product in one currency, in cents (refunds subtract), for the given products of the vendor. */
    public java.util.Map<String, Long> grossByProduct(String vendorId, String currency, java.util.Collection<String> productIds) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        if (productIds.isEmpty()) {
            return out;
        }
        entries().find(Filters.and(Filters.eq("vendorId", vendorId), Filters.eq("currency", currency),
                        Filters.in("productId", productIds)))
                .projection(new Document("productId", 1).append("grossCents", 1))
                .forEach(d -> out.merge(d.getString("productId"), LedgerEntry.cents(d, "grossCents"), Long::sum));
        return out;
    }
}
