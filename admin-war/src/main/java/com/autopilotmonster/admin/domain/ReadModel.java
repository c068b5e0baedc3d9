package com.autopilotmonster.admin.domain;

import com.autopilotmonster.common.data.Exists;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The dashboard's read model in {@code admin_db}, built only from the owners' events (never from their stores):
 * <ul>
 * <li>{@code rm_users}: one per {@code user.registered} (registration time; role {@code user} unless the event
 * names one, {@code vendor} once a {@code vendor.created} names the user, or what an admin set here);</li>
 * <li>{@code rm_vendors}, {@code rm_products}, {@code rm_payouts}: the latest status of each, by the event's
 * timestamp (an older event arriving late never overwrites a newer state; a deleted product is {@code deleted});</li>
 * <li>{@code rm_orders}: creation ({@code order.created}), payment ({@code payment.success}) and refund
 * ({@code order.refunded}) of each order, money in minor units (cents) per currency;</li>
 * <li>{@code rm_sales}: each paid line (product, vendor, amount) for the analytics' top lists.</li>
 * </ul>
 * Every apply is idempotent on its own (upserts by the owner's id), and the consumers also go through
 * common-ejb's IdempotentConsumer, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class ReadModel {

    public static final String USERS = "rm_users";
    public static final String VENDORS = "rm_vendors";
    public static final String PRODUCTS = "rm_products";
    public static final String PAYOUTS = "rm_payouts";
    public static final String ORDERS = "rm_orders";
    public static final String SALES = "rm_sales";

    @Inject
    MongoDatabase database;

    MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    // ---- users ----

    public void userRegistered(JsonObject p) {
        String userId = str(p, "userId");
        if (userId == null) {
            return;
        }
        String role = str(p, "role");
        Document onInsert = new Document("userId", userId).append("role", role == null ? "user" : lower(role));
        Document set = new Document("registeredAt", Date.from(time(p)));
        collection(USERS).updateOne(Filters.eq("_id", userId),
                new Document("$set", set).append("$setOnInsert", onInsert), new UpdateOptions().upsert(true));
    }

    /** A role an admin set through this service (the owner accepted it). */
    public void roleChanged(String userId, String role) {
        collection(USERS).updateOne(Filters.eq("_id", userId),
                new Document("$set", new Document("role", lower(role)).append("userId", userId)),
                new UpdateOptions().upsert(true));
    }

    public void userActive(String userId, boolean active) {
        collection(USERS).updateOne(Filters.eq("_id", userId),
                new Document("$set", new Document("active", active).append("userId", userId)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Auth knows one inactive state; an admin's ban (status banned or a delete through this service) is kept here so
     * the console can tell a ban from a suspension. Re-activating clears it.
     */
    public void userBanned(String userId, boolean banned) {
        Document change = banned ? new Document("$set", new Document("banned", true).append("userId", userId))
                : new Document("$unset", new Document("banned", ""));
        collection(USERS).updateOne(Filters.eq("_id", userId), change, new UpdateOptions().upsert(banned));
    }

    /**
     * {@code user.logged-in}: the newest login time ({@code $max}, so a redelivered or late older event never moves it
     * back). A login may arrive before the registration; the user's registration fields are then added on top.
     */
    public void userLoggedIn(JsonObject p) {
        String userId = str(p, "userId");
        if (userId == null) {
            return;
        }
        collection(USERS).updateOne(Filters.eq("_id", userId),
                new Document("$max", new Document("lastLoginAt", Date.from(time(p))))
                        .append("$set", new Document("userId", userId)),
                new UpdateOptions().upsert(true));
    }

    // ---- vendors, products, payouts: latest state by event time ----

    public void vendor(JsonObject p, String fallbackStatus) {
        String vendorId = str(p, "vendorId");
        if (vendorId == null) {
            return;
        }
        String status = str(p, "status");
        Document fields = new Document("vendorId", vendorId).append("status", lower(status == null ? fallbackStatus : status));
        put(fields, "name", str(p, "name"));
        put(fields, "userId", str(p, "userId"));
        latest(VENDORS, vendorId, time(p), fields);
        String userId = str(p, "userId") == null ? vendorId : str(p, "userId");
        // a vendor account's user is a vendor (unless an admin made it an admin)
        collection(USERS).updateOne(Filters.and(Filters.eq("_id", userId), Filters.ne("role", "admin")),
                new Document("$set", new Document("role", "vendor").append("userId", userId)));
    }

    public void product(JsonObject p, boolean deleted) {
        String productId = str(p, "productId");
        if (productId == null) {
            return;
        }
        String status = deleted ? "deleted" : str(p, "status");
        Document fields = new Document("productId", productId).append("status", lower(status == null ? "pending" : status));
        put(fields, "vendorId", str(p, "vendorId"));
        put(fields, "name", str(p, "name"));
        latest(PRODUCTS, productId, time(p), fields);
    }

    public void payout(JsonObject p, String fallbackStatus) {
        String payoutId = str(p, "payoutId");
        if (payoutId == null) {
            return;
        }
        String status = str(p, "status");
        Document fields = new Document("payoutId", payoutId).append("status", lower(status == null ? fallbackStatus : status));
        put(fields, "vendorId", str(p, "vendorId"));
        put(fields, "currency", currency(p));
        Long cents = cents(p.get("amount"));
        if (cents != null) {
            fields.append("amountCents", cents);
        }
        latest(PAYOUTS, payoutId, time(p), fields);
    }

    // ---- orders and money ----

    public void orderCreated(JsonObject p) {
        String orderId = str(p, "orderId");
        if (orderId == null) {
            return;
        }
        Document set = new Document("orderId", orderId).append("createdAt", Date.from(time(p)))
                .append("currency", currency(p));
        put(set, "userId", str(p, "userId"));
        Long total = cents(p.get("total"));
        if (total != null) {
            set.append("totalCents", total);
        }
        collection(ORDERS).updateOne(Filters.eq("_id", orderId), new Document("$set", set), new UpdateOptions().upsert(true));
    }

    public void paymentSucceeded(JsonObject p) {
        String orderId = str(p, "orderId");
        Long amount = cents(p.get("amount"));
        if (orderId == null || amount == null) {
            return;
        }
        Date at = Date.from(time(p));
        String currency = currency(p);
        collection(ORDERS).updateOne(Filters.eq("_id", orderId), new Document("$set", new Document("orderId", orderId)
                .append("paidAt", at).append("paidCents", amount).append("paidCurrency", currency)),
                new UpdateOptions().upsert(true));
        if (p.get("items") instanceof JsonArray items) {
            int line = 0;
            for (JsonValue v : items) {
                line++;
                if (!(v instanceof JsonObject item) || str(item, "productId") == null) {
                    continue;
                }
                Long price = cents(item.get("price"));
                int quantity = item.get("quantity") instanceof JsonNumber n ? n.intValue() : 1;
                Document sale = new Document("orderId", orderId).append("productId", str(item, "productId"))
                        .append("quantity", quantity).append("cents", price == null ? 0L : price * quantity)
                        .append("currency", currency).append("at", at);
                put(sale, "productName", str(item, "productName"));
                put(sale, "vendorId", str(item, "vendorId"));
                collection(SALES).updateOne(Filters.eq("_id", orderId + ":" + line), new Document("$set", sale),
                        new UpdateOptions().upsert(true));
            }
        }
    }

    public void orderRefunded(JsonObject p) {
        String orderId = str(p, "orderId");
        Long amount = cents(p.get("amount"));
        if (orderId == null || amount == null) {
            return;
        }
        collection(ORDERS).updateOne(Filters.eq("_id", orderId), new Document("$set", new Document("orderId", orderId)
                .append("refundedAt", Date.from(time(p))).append("refundedCents", amount)
                .append("refundCurrency", currency(p))), new UpdateOptions().upsert(true));
    }

    /**
     * Sets the fields only if this event is not older than the state already kept ({@code at}); an event for an
     * id not seen yet inserts it. A duplicate-key race with another consumer thread retries the guarded update.
     */
    void latest(String name, String id, Instant at, Document fields) {
        MongoCollection<Document> c = collection(name);
        fields.append("at", Date.from(at));
        Bson notNewer = Filters.and(Filters.eq("_id", id), Filters.lte("at", Date.from(at)));
        UpdateResult result = c.updateOne(notNewer, new Document("$set", fields));
        if (result.getMatchedCount() > 0 || Exists.any(c, Filters.eq("_id", id))) {
            return;
        }
        try {
            Document doc = new Document("_id", id);
            doc.putAll(fields);
            c.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            c.updateOne(notNewer, new Document("$set", fields));
        }
    }

    // ---- payload helpers ----

    static void put(Document d, String key, String value) {
        if (value != null) {
            d.append(key, value);
        }
    }

    static String str(JsonObject p, String key) {
        JsonValue v = p.get(key);
        if (v instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString().length() > 200 ? s.getString().substring(0, 200) : s.getString();
        }
        return null;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static String currency(JsonObject p) {
        String c = str(p, "currency");
        return c == null ? "USD" : c.toUpperCase(Locale.ROOT);
    }

    /** The event's own time, or now when it has none (or an unreadable one). */
    static Instant time(JsonObject p) {
        String t = str(p, "timestamp");
        if (t != null) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                // fall back to the time of arrival
            }
        }
        return Instant.now();
    }

    /** A decimal amount (number or string) in minor units, or null. */
    static Long cents(JsonValue v) {
        try {
            BigDecimal d = v instanceof JsonNumber n ? n.bigDecimalValue()
                    : v instanceof JsonString s ? new BigDecimal(s.getString().strip()) : null;
            return d == null ? null : d.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
