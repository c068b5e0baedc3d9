package com.autopilotmonster.cart.domain;

import java.math.BigDecimal;
import org.bson.Document;

/**
 * One line of a cart, addressed by its product id. Name, price and thumbnail are the catalog's at the
 * time the line was added or last repriced; {@code available} turns false when the product is deleted or
 * no longer active, and such a line counts for nothing in the totals.
 */
public record CartLine(String productId, String productName, BigDecimal price, int quantity, String thumbnail,
                       String vendorId, boolean available) {

    public CartLine {
        price = Money.cents(price);
    }

    CartLine withQuantity(int newQuantity) {
        return new CartLine(productId, productName, price, newQuantity, thumbnail, vendorId, available);
    }

    CartLine repriced(String name, BigDecimal newPrice, boolean nowAvailable) {
        return new CartLine(productId, name == null ? productName : name, newPrice == null ? price : newPrice,
                quantity, thumbnail, vendorId, nowAvailable);
    }

    CartLine unavailable() {
        return new CartLine(productId, productName, price, quantity, thumbnail, vendorId, false);
    }

    /** Price times quantity, or zero for an unavailable line. */
    BigDecimal amount() {
        return available ? price.multiply(BigDecimal.valueOf(quantity)) : BigDecimal.ZERO;
    }

    /**
     * Stored as the spec's Mongoose model stores it (price a plain Number), so carts written by the Node
     * service and by this one read alike; every computation goes through BigDecimal.
     */
    Document toDocument() {
        Document d = new Document("productId", productId).append("productName", productName)
                .append("price", price.doubleValue()).append("quantity", quantity);
        if (thumbnail != null) {
            d.append("thumbnail", thumbnail);
        }
        if (vendorId != null) {
            d.append("vendorId", vendorId);
        }
        return d.append("available", available);
    }

    static CartLine from(Document d) {
        Number quantity = d.get("quantity", Number.class);
        Boolean available = d.getBoolean("available");
        return new CartLine(d.getString("productId"), d.getString("productName"), Money.of(d.get("price")),
                quantity == null ? 1 : quantity.intValue(), d.getString("thumbnail"), d.getString("vendorId"),
                available == null || available);
    }

}
