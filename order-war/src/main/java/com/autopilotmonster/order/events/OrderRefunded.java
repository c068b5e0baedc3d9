package com.autopilotmonster.order.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code order.refunded}: a paid order was refunded in full at the provider. Purchases lose their access and
 * vendors' ledgers are debited from it, so it carries the lines with their prices, as {@code payment.success} does.
 */
@JsonbPropertyOrder({"orderId", "userId", "amount", "currency", "paymentMethod", "paymentId", "items", "timestamp"})
public record OrderRefunded(String orderId, String userId, BigDecimal amount, String currency, String paymentMethod,
                            String paymentId, List<PaymentSucceeded.Item> items, String timestamp) {

    public static final String TOPIC = "order.refunded";
}
