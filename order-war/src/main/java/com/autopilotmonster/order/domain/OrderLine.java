package com.autopilotmonster.order.domain;

import java.math.BigDecimal;
import org.bson.Document;

/**
 * One priced line of an order, as the catalog priced it when the order was placed, with its share of the
 * coupon's discount (zero without one): vendors earn on {@link #netTotal()}.
 */
public record OrderLine(String productId, String productName, BigDecimal price, int quantity, String vendorId,
                        BigDecimal discount) {

    public OrderLine {
        discount = discount == null ? Money.of(BigDecimal.ZERO) : Money.of(discount);
    }

    public BigDecimal lineTotal() {
        return price.multiply(BigDecimal.valueOf(quantity));
    }

    /** What was charged for the line: price x quantity less its share of the discount. */
    public BigDecimal netTotal() {
        return Money.of(lineTotal().subtract(discount));
    }

    OrderLine withDiscount(BigDecimal share) {
        return new OrderLine(productId, productName, price, quantity, vendorId, share);
    }

    Document toDocument() {
        return new Document("productId", productId).append("productName", productName)
                .append("price", Money.toStored(price)).append("quantity", quantity).append("vendorId", vendorId)
                .append("discount", Money.toStored(discount));
    }

    static OrderLine from(Document d) {
        return new OrderLine(d.getString("productId"), d.getString("productName"), Money.fromStored(d.get("price")),
                ((Number) d.get("quantity")).intValue(), d.getString("vendorId"),
                d.get("discount") == null ? null : Money.fromStored(d.get("discount")));
    }
}
