package com.autopilotmonster.order.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/** {@code order.created}: the contract's payload (the cart service empties the ordered lines on it). */
@JsonbPropertyOrder({"orderId", "userId", "items", "subtotal", "couponCode", "discount", "tax", "total", "currency", "timestamp"})
public record OrderCreated(String orderId, String userId, List<Item> items, BigDecimal subtotal, String couponCode,
                           BigDecimal discount, BigDecimal tax, BigDecimal total, String currency, String timestamp) {

    public static final String TOPIC = "order.created";

    @JsonbPropertyOrder({"productId", "productName", "price", "quantity", "vendorId", "discount"})
    public record Item(String productId, String productName, BigDecimal price, int quantity, String vendorId,
                       BigDecimal discount) {
    }
}
