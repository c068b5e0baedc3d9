package com.autopilotmonster.order.domain;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * One buyer's order statistics, computed by the store (one grouped aggregation, however many orders), so the
 * answer costs the same for a buyer with three orders and one with three thousand.
 */
@ApplicationScoped
public class OrderStats {

    @Inject
    MongoDatabase database;

    /** Orders of one status in one currency; the original service's row ({@code _id} is the status). */
    public record Row(String status, String currency, long count, BigDecimal totalAmount) {
    }

    /**
     * @param rows     every (status, currency) the buyer has orders in
     * @param byStatus every status, zero when the buyer has none in it
     * @param spent    per currency, what the buyer paid and kept: completed orders (refunded ones gave it back)
     */
    public record Summary(List<Row> rows, Map<String, Long> byStatus, long totalOrders, Map<String, BigDecimal> spent) {
    }

    public Summary of(String userId) {
        List<Row> rows = new ArrayList<>();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.put(status.value(), 0L);
        }
        Map<String, BigDecimal> spent = new LinkedHashMap<>();
        long totalOrders = 0;
        for (Document group : database.getCollection(Order.COLLECTION).aggregate(List.of(
                Aggregates.match(Filters.eq("userId", userId)),
                Aggregates.group(new Document("status", "$status").append("currency", "$currency"),
                        Accumulators.sum("count", 1), Accumulators.sum("total", "$total"))))) {
            Document key = (Document) group.get("_id");
            String status = key.getString("status");
            String currency = key.getString("currency") == null ? "USD" : key.getString("currency");
            long count = ((Number) group.get("count")).longValue();
            // totals are stored as 2-decimal doubles; their sum is rounded back to the cent
            BigDecimal amount = Money.fromStored(group.get("total"));
            rows.add(new Row(status, currency, count, amount));
            byStatus.merge(status, count, Long::sum);
            totalOrders += count;
            if (OrderStatus.COMPLETED.value().equals(status)) {
                spent.merge(currency, amount, BigDecimal::add);
            }
        }
        return new Summary(rows, byStatus, totalOrders, spent);
    }
}
