package com.autopilotmonster.order.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/** {@code payment.success}: what vendors' earnings and purchase histories are built from. */
@JsonbPropertyOrder({"orderId", "userId", "amount", "currency", "paymentMethod", "paymentId", "items", "timestamp"})
public record PaymentSucceeded(String orderId, String userId, BigDecimal amount, String currency, String paymentMethod,
                               String paymentId, List<Item> items, String timestamp) {

    public static final String TOPIC = "payment.success";

    @JsonbPropertyOrder({"productId", "vendorId", "quantity"})
    public record Item(String productId, String vendorId, int quantity) {
    }
}
