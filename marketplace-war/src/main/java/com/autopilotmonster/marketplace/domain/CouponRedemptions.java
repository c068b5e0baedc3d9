package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * One coupon use per order ({@code _id} = orderId), counted exactly under concurrency: the per-user counter and
 * the coupon's counter are each moved by ONE conditional update ({@code used < limit}), so 100 simultaneous
 * checkouts on a coupon with 10 uses left get exactly 10 reservations; a step that fails gives back what the
 * earlier steps took. Life cycle: {@code reserved} (the order service asked, placing an order) ->
 * {@code ordered} ({@code order.created} seen) -> {@code paid} ({@code payment.success}); {@code released} when
 * the order is cancelled, or when a reservation never became an order (the order service failed after asking,
 * or someone reserved without ordering) - those expire after a few minutes and their use returns.
 */
@ApplicationScoped
public class CouponRedemptions {

    public static final String COLLECTION = "coupon_redemptions";
    static final String USES = "coupon_user_uses";
    private static final Logger LOG = Logger.getLogger(CouponRedemptions.class.getName());

    @Inject
    MongoDatabase database;

    MongoCollection<Document> redemptions() {
        return database.getCollection(COLLECTION);
    }

    /** The quote recorded for this order, or a fresh reservation of one use for it. */
    public CouponPricing.Quote reserve(Coupon coupon, String userId, String orderId, CouponPricing.Quote quote) {
        Document existing = redemptions().find(Filters.eq("_id", orderId)).first();
        if (existing != null) {
            return replay(existing, userId, coupon);
        }
        String userKey = coupon.id() + ":" + userId;
        if (coupon.maxUsesPerUser() != null && !take(database.getCollection(USES), Filters.and(Filters.eq("_id", userKey),
                Filters.lt("used", coupon.maxUsesPerUser())), true)) {
            throw ApiException.unprocessable("You have used coupon " + coupon.code() + " as often as it allows ("
                    + coupon.maxUsesPerUser() + ")");
        }
        if (coupon.maxUsesPerUser() == null) {
            take(database.getCollection(USES), Filters.eq("_id", userKey), true);
        }
        var couponFilter = coupon.maxUses() == null ? Filters.eq("_id", new ObjectId(coupon.id()))
                : Filters.and(Filters.eq("_id", new ObjectId(coupon.id())), Filters.lt("used", coupon.maxUses()));
        if (!take(database.getCollection(Coupon.COLLECTION), couponFilter, false)) {
            giveBackUserUse(userKey); // the coupon's own count was not taken
            throw ApiException.unprocessable("Coupon " + coupon.code() + " has been used up");
        }
        Document reservation = new Document("_id", orderId).append("couponId", coupon.id()).append("code", coupon.code())
                .append("userId", userId).append("status", "reserved").append("discount", new Decimal128(quote.discount()))
                .append("lines", quote.lines().stream().map(l -> new Document("productId", l.productId())
                        .append("quantity", l.quantity()).append("amount", new Decimal128(l.amount()))
                        .append("discount", new Decimal128(l.discount()))).toList())
                .append("subtotal", new Decimal128(quote.subtotal()))
                .append("eligibleSubtotal", new Decimal128(quote.eligibleSubtotal()))
                .append("createdAt", new Date()).append("updatedAt", new Date());
        try {
            redemptions().insertOne(reservation);
        } catch (MongoWriteException e) {
            giveBack(userKey, coupon.id());
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // the same order asked twice at once: the other request reserved; answer what it recorded
                return replay(redemptions().find(Filters.eq("_id", orderId)).first(), userId, coupon);
            }
            throw e;
        }
        return quote;
    }

    /** @return true if this call released the use (a second release, or of a paid order, changes nothing) */
    public boolean release(String orderId, String why) {
        Document released = redemptions().findOneAndUpdate(Filters.and(Filters.eq("_id", orderId),
                        Filters.in("status", "reserved", "ordered")),
                Updates.combine(Updates.set("status", "released"), Updates.set("releasedBecause", why),
                        Updates.set("updatedAt", new Date())));
        if (released == null) {
            return false;
        }
        giveBack(released.getString("couponId") + ":" + released.getString("userId"), released.getString("couponId"));
        LOG.info(() -> "coupon " + released.getString("code") + " use of order " + orderId + " released: " + why);
        return true;
    }

    /** Moves a redemption forward ({@code ordered}, {@code paid}); never backwards, never out of released. */
    public void advance(String orderId, String status) {
        List<String> from = "paid".equals(status) ? List.of("reserved", "ordered") : List.of("reserved");
        redemptions().findOneAndUpdate(Filters.and(Filters.eq("_id", orderId), Filters.in("status", from)),
                Updates.combine(Updates.set("status", status), Updates.set("updatedAt", new Date())));
    }

    /** Releases reservations that did not become an order within the given time; @return how many. */
    public int expire(Instant reservedBefore) {
        List<String> stale = redemptions().find(Filters.and(Filters.eq("status", "reserved"),
                Filters.lt("createdAt", Date.from(reservedBefore)))).map(d -> d.getString("_id")).into(new ArrayList<>());
        int released = 0;
        for (String orderId : stale) {
            released += release(orderId, "no order was placed") ? 1 : 0;
        }
        return released;
    }

    public Document find(String orderId) {
        return redemptions().find(Filters.eq("_id", orderId)).first();
    }

    /** One conditional increment; with upsert, an existing document at its limit surfaces as a duplicate key. */
    private static boolean take(MongoCollection<Document> collection, org.bson.conversions.Bson filter, boolean upsert) {
        try {
            return collection.findOneAndUpdate(filter, Updates.inc("used", 1L),
                    new FindOneAndUpdateOptions().upsert(upsert).returnDocument(ReturnDocument.AFTER)) != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        } catch (MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(e.getErrorCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private void giveBack(String userKey, String couponId) {
        giveBackUserUse(userKey);
        database.getCollection(Coupon.COLLECTION).findOneAndUpdate(Filters.and(Filters.eq("_id", new ObjectId(couponId)),
                Filters.gt("used", 0)), Updates.inc("used", -1L));
    }

    private void giveBackUserUse(String userKey) {
        database.getCollection(USES).findOneAndUpdate(Filters.and(Filters.eq("_id", userKey), Filters.gt("used", 0)),
                Updates.inc("used", -1L));
    }

    private static CouponPricing.Quote replay(Document d, String userId, Coupon coupon) {
        if (!userId.equals(d.getString("userId")) || !coupon.id().equals(d.getString("couponId"))) {
            throw ApiException.conflict("Order " + d.getString("_id") + " already holds another coupon use");
        }
        if ("released".equals(d.getString("status"))) {
            throw ApiException.conflict("The coupon use of order " + d.getString("_id") + " was released");
        }
        List<CouponPricing.LineDiscount> lines = d.getList("lines", Document.class, List.of()).stream()
                .map(l -> new CouponPricing.LineDiscount(l.getString("productId"), l.getInteger("quantity", 1),
                        Coupon.money(l.get("amount")), Coupon.money(l.get("discount")))).toList();
        return new CouponPricing.Quote(coupon.id(), coupon.code(), coupon.type(), coupon.value(), coupon.currency(),
                Coupon.money(d.get("subtotal")), Coupon.money(d.get("eligibleSubtotal")), Coupon.money(d.get("discount")),
                lines);
    }
}
