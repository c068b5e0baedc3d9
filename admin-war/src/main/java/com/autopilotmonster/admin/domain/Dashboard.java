package com.autopilotmonster.admin.domain;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dashboard, from the {@link ReadModel} only (counts and sums in the store, no call to the owners, so it
 * answers in the same time with many records), plus the service health summary.
 */
@ApplicationScoped
public class Dashboard {

    static final List<String> PRODUCT_STATUSES = List.of("pending", "active", "rejected", "draft");
    static final List<String> VENDOR_STATUSES = List.of("pending", "active", "rejected", "suspended");
    static final List<String> ROLES = List.of("user", "vendor", "admin");
    static final List<String> AWAITING = List.of("requested", "pending");

    @Inject
    MongoDatabase database;

    @Inject
    HealthSummary health;

    @Inject
    RecentActivity activity;

    @Inject
    @ConfigProperty(name = "admin.dashboard.recent-activity", defaultValue = "10")
    int recentActivity;

    @Inject
    @ConfigProperty(name = "admin.dashboard.currency", defaultValue = "USD")
    String mainCurrency;

    public JsonObject build(boolean withHealth) {
        Instant now = Instant.now();
        Instant today = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant d7 = now.minus(7, ChronoUnit.DAYS);
        Instant d30 = now.minus(30, ChronoUnit.DAYS);

        Bson registered = Filters.exists("registeredAt");
        long users = count(ReadModel.USERS, registered);
        Map<String, Long> roles = group(ReadModel.USERS, registered, "role", ROLES);
        JsonObject usersJson = Json.createObjectBuilder().add("total", users)
                .add("new7d", count(ReadModel.USERS, Filters.gte("registeredAt", Date.from(d7))))
                .add("new30d", count(ReadModel.USERS, Filters.gte("registeredAt", Date.from(d30))))
                .add("byRole", counts(roles)).build();

        Map<String, Long> vendors = group(ReadModel.VENDORS, new Document(), "status", VENDOR_STATUSES);
        Map<String, Long> products = group(ReadModel.PRODUCTS, Filters.ne("status", "deleted"), "status", PRODUCT_STATUSES);
        Map<String, Long> payouts = group(ReadModel.PAYOUTS, new Document(), "status", AWAITING);
        Bson awaiting = Filters.in("status", AWAITING);

        JsonObject orders = Json.createObjectBuilder()
                .add("today", count(ReadModel.ORDERS, Filters.gte("createdAt", Date.from(today))))
                .add("last7d", count(ReadModel.ORDERS, Filters.gte("createdAt", Date.from(d7))))
                .add("last30d", count(ReadModel.ORDERS, Filters.gte("createdAt", Date.from(d30))))
                .add("total", count(ReadModel.ORDERS, Filters.exists("createdAt")))
                .add("paid", count(ReadModel.ORDERS, Filters.exists("paidAt")))
                .add("refunded", count(ReadModel.ORDERS, Filters.exists("refundedAt"))).build();

        Map<String, Long> allTime = net(null);
        JsonObject revenue = Json.createObjectBuilder().add("today", money(net(today))).add("last7d", money(net(d7)))
                .add("last30d", money(net(d30))).add("total", money(allTime)).build();
        JsonObject refunds = Json.createObjectBuilder()
                .add("last7d", money(sum(ReadModel.ORDERS, "refundedAt", "refundedCents", "refundCurrency", d7)))
                .add("last30d", money(sum(ReadModel.ORDERS, "refundedAt", "refundedCents", "refundCurrency", d30)))
                .build();

        long awaitingCount = count(ReadModel.PAYOUTS, awaiting);
        JsonObject payoutsJson = Json.createObjectBuilder().add("awaitingApproval", awaitingCount)
                .add("awaitingAmount", money(sumWhere(ReadModel.PAYOUTS, awaiting, "amountCents", "currency")))
                .add("byStatus", counts(payouts)).build();

        long totalVendors = vendors.values().stream().mapToLong(Long::longValue).sum();
        long totalProducts = products.values().stream().mapToLong(Long::longValue).sum();
        JsonObject overview = Json.createObjectBuilder().add("totalUsers", users).add("totalVendors", totalVendors)
                .add("totalProducts", totalProducts)
                .add("totalRevenue", BigDecimal.valueOf(allTime.getOrDefault(mainCurrency, 0L), 2))
                .add("currency", mainCurrency)
                .add("monthlyActiveUsers", count(ReadModel.USERS, Filters.gte("lastLoginAt", Date.from(d30))))
                .add("revenueGrowth", growth(netBetween(d30.minus(30, ChronoUnit.DAYS), d30), net(d30).getOrDefault(mainCurrency, 0L)))
                .add("pendingApprovals", vendors.getOrDefault("pending", 0L) + products.getOrDefault("pending", 0L)
                        + awaitingCount).build();

        JsonObjectBuilder b = Json.createObjectBuilder().add("overview", overview).add("users", usersJson)
                .add("vendors", Json.createObjectBuilder().add("total", totalVendors).add("byStatus", counts(vendors)))
                .add("products", Json.createObjectBuilder().add("total", totalProducts).add("byStatus", counts(products)))
                .add("orders", orders).add("revenue", revenue).add("refunds", refunds).add("payouts", payoutsJson)
                .add("recentActivity", activity.latest(recentActivity));
        if (withHealth) {
            b.add("systemHealth", health.summary());
        }
        return b.add("generatedAt", now.toString()).build();
    }

    long count(String collection, Bson filter) {
        return database.getCollection(collection).countDocuments(filter);
    }

    /** Counts per value of {@code field}, the listed values first (zero when absent), then any other value seen. */
    Map<String, Long> group(String collection, Bson filter, String field, List<String> first) {
        Map<String, Long> counts = new LinkedHashMap<>();
        first.forEach(v -> counts.put(v, 0L));
        for (Document d : database.getCollection(collection).aggregate(List.of(Aggregates.match(filter),
                Aggregates.group("$" + field, Accumulators.sum("n", 1))))) {
            Object key = d.get("_id");
            if (key != null) {
                counts.put(key.toString(), ((Number) d.get("n")).longValue());
            }
        }
        return counts;
    }

    /** Paid minus refunded, per currency, since {@code from} (null: all time). */
    Map<String, Long> net(Instant from) {
        Map<String, Long> net = new TreeMap<>(sum(ReadModel.ORDERS, "paidAt", "paidCents", "paidCurrency", from));
        sum(ReadModel.ORDERS, "refundedAt", "refundedCents", "refundCurrency", from)
                .forEach((currency, cents) -> net.merge(currency, -cents, Long::sum));
        return net;
    }

    /** Net revenue (paid minus refunded) in the main currency, in cents, in [from, to). */
    long netBetween(Instant from, Instant to) {
        long paid = sumWhere(ReadModel.ORDERS, Filters.and(Filters.gte("paidAt", Date.from(from)), Filters.lt("paidAt",
                Date.from(to))), "paidCents", "paidCurrency").getOrDefault(mainCurrency, 0L);
        long refunded = sumWhere(ReadModel.ORDERS, Filters.and(Filters.gte("refundedAt", Date.from(from)),
                Filters.lt("refundedAt", Date.from(to))), "refundedCents", "refundCurrency").getOrDefault(mainCurrency, 0L);
        return paid - refunded;
    }

    /**
     * Percent change from {@code earlier} to {@code later}, one decimal. An earlier period without revenue (0) has
     * no meaningful ratio: 0 is answered then (the client's field is a plain number, it cannot say "new").
     */
    static BigDecimal growth(long earlier, long later) {
        if (earlier == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(later - earlier).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(Math.abs(earlier)), 1, java.math.RoundingMode.HALF_UP);
    }

    Map<String, Long> sum(String collection, String timeField, String centsField, String currencyField, Instant from) {
        Bson filter = from == null ? Filters.exists(timeField) : Filters.gte(timeField, Date.from(from));
        return sumWhere(collection, filter, centsField, currencyField);
    }

    Map<String, Long> sumWhere(String collection, Bson filter, String centsField, String currencyField) {
        Map<String, Long> sums = new TreeMap<>();
        for (Document d : database.getCollection(collection).aggregate(List.of(Aggregates.match(filter),
                Aggregates.group("$" + currencyField, Accumulators.sum("cents", "$" + centsField))))) {
            Object currency = d.get("_id");
            Object cents = d.get("cents");
            if (currency != null && cents instanceof Number n) {
                sums.merge(currency.toString(), n.longValue(), Long::sum);
            }
        }
        return sums;
    }

    static JsonObject counts(Map<String, Long> counts) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        counts.forEach(b::add);
        return b.build();
    }

    /** {@code {USD: "12.50", EUR: "3.00"}}: decimal strings, as money travels on this platform. */
    static JsonObject money(Map<String, Long> cents) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        cents.forEach((currency, value) -> b.add(currency, BigDecimal.valueOf(value, 2).toPlainString()));
        return b.build();
    }

    static List<String> keys(Map<String, ?> m) {
        return new ArrayList<>(m.keySet());
    }
}
