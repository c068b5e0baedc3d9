package com.autopilotmonster.admin.domain;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A product's paid sales in the main currency ({@code admin.dashboard.currency}) from the read model's
 * {@code rm_sales} (one line per paid order line, from {@code payment.success}); one store query for a whole page.
 */
@ApplicationScoped
public class ProductSales {

    @Inject
    MongoDatabase database;

    @Inject
    @ConfigProperty(name = "admin.dashboard.currency", defaultValue = "USD")
    String mainCurrency;

    /** Revenue per product id (2 decimals); products without sales are 0.00. */
    public Map<String, BigDecimal> revenue(Collection<String> productIds) {
        Map<String, Long> cents = new HashMap<>();
        for (Document sale : database.getCollection(ReadModel.SALES)
                .find(Filters.and(Filters.in("productId", productIds), Filters.eq("currency", mainCurrency)))) {
            Object c = sale.get("cents");
            cents.merge(sale.getString("productId"), c instanceof Number n ? n.longValue() : 0L, Long::sum);
        }
        Map<String, BigDecimal> out = new HashMap<>();
        productIds.forEach(id -> out.put(id, BigDecimal.valueOf(cents.getOrDefault(id, 0L), 2)));
        return out;
    }
}
