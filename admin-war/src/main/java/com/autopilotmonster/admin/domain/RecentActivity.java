package com.autopilotmonster.admin.domain;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The dashboard's {@code recentActivity}: the newest {@code limit} things the {@link ReadModel} holds with a time,
 * newest first, as the original web client reads them {@code {id, type: user|vendor|product|transaction, action,
 * description, timestamp, status: success|pending|failed}}: registrations, each vendor's and product's latest state
 * (the read model keeps the latest only), orders placed, paid and refunded. Each source is asked for its newest
 * {@code limit} only, so the cost does not grow with the store.
 */
@ApplicationScoped
public class RecentActivity {

    private record Entry(Date at, JsonObject json) {
    }

    @Inject
    MongoDatabase database;

    public JsonArray latest(int limit) {
        List<Entry> entries = new ArrayList<>();
        newest(ReadModel.USERS, "registeredAt", limit).forEach(u -> entries.add(entry("user:" + u.get("_id") + ":registered",
                "user", "registered", "Account registered (" + u.getString("role") + ")", u.getDate("registeredAt"), "success")));
        newest(ReadModel.VENDORS, "at", limit).forEach(v -> {
            String status = v.getString("status");
            entries.add(entry("vendor:" + v.get("_id") + ":" + status, "vendor", vendorAction(status),
                    "Vendor " + label(v.getString("name"), v.get("_id")) + " " + vendorAction(status), v.getDate("at"),
                    outcome(status)));
        });
        newest(ReadModel.PRODUCTS, "at", limit).forEach(p -> {
            String status = p.getString("status");
            entries.add(entry("product:" + p.get("_id") + ":" + status, "product", productAction(status),
                    "Product " + label(p.getString("name"), p.get("_id")) + " " + productAction(status), p.getDate("at"),
                    outcome(status)));
        });
        newest(ReadModel.ORDERS, "createdAt", limit).forEach(o -> entries.add(order(o, "placed", "createdAt",
                o.containsKey("paidAt") ? "success" : "pending", "totalCents", "currency")));
        newest(ReadModel.ORDERS, "paidAt", limit).forEach(o -> entries.add(order(o, "paid", "paidAt", "success",
                "paidCents", "paidCurrency")));
        newest(ReadModel.ORDERS, "refundedAt", limit).forEach(o -> entries.add(order(o, "refunded", "refundedAt",
                "success", "refundedCents", "refundCurrency")));
        JsonArrayBuilder out = Json.createArrayBuilder();
        entries.stream().sorted(Comparator.comparing(Entry::at).reversed()).limit(limit).forEach(e -> out.add(e.json()));
        return out.build();
    }

    private Iterable<Document> newest(String collection, String timeField, int limit) {
        return database.getCollection(collection).find(Filters.exists(timeField))
                .sort(Sorts.descending(timeField)).limit(limit);
    }

    private static Entry order(Document o, String action, String timeField, String status, String centsField,
                               String currencyField) {
        Object cents = o.get(centsField);
        String amount = cents instanceof Number n ? " " + BigDecimal.valueOf(n.longValue(), 2).toPlainString() + " "
                + o.getString(currencyField) : "";
        return entry("order:" + o.get("_id") + ":" + action, "transaction", "order " + action,
                "Order " + o.get("_id") + " " + action + amount, o.getDate(timeField), status);
    }

    private static Entry entry(String id, String type, String action, String description, Date at, String status) {
        return new Entry(at, Json.createObjectBuilder().add("id", id).add("type", type).add("action", action)
                .add("description", description).add("timestamp", at.toInstant().toString()).add("status", status).build());
    }

    static String vendorAction(String status) {
        return switch (status == null ? "" : status) {
            case "pending" -> "applied";
            case "active" -> "approved";
            case "rejected" -> "rejected";
            case "suspended" -> "suspended";
            default -> "updated";
        };
    }

    static String productAction(String status) {
        return switch (status == null ? "" : status) {
            case "pending" -> "submitted for review";
            case "active" -> "approved";
            case "rejected" -> "rejected";
            case "deleted" -> "deleted";
            case "draft" -> "saved as draft";
            default -> "updated";
        };
    }

    /** Awaiting a decision: pending; refused or stopped: failed; otherwise success. */
    static String outcome(String status) {
        return switch (status == null ? "" : status) {
            case "pending", "draft", "requested" -> "pending";
            case "rejected", "suspended" -> "failed";
            default -> "success";
        };
    }

    private static String label(String name, Object id) {
        return name == null ? String.valueOf(id) : name;
    }
}
