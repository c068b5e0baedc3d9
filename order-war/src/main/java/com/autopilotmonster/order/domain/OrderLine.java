package com.autopilotmonster.order.domain;

import java.math.BigDecimal;
import org.bson.Document;

/** One priced line of an order, as the catalog priced it when the order was placed. */
public record OrderLine(String productId, String productName, BigDecimal price, int quantity, String vendorId) {

    public BigDecimal lineTotal() {
        return price.multiply(BigDecimal.valueOf(quantity));
    }

    Document toDocument() {
        return new Document("productId", productId).append("productName", productName)
                .append("price", Money.toStored(price)).append("quantity", quantity).append("vendorId", vendorId);
    }

    static OrderLine from(Document d) {
        return new OrderLine(d.getString("productId"), d.getString("productName"), Money.fromStored(d.get("price")),
                ((Number) d.get("quantity")).intValue(), d.getString("vendorId"));
    }
}
