package com.autopilotmonster.order.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/** {@code payment.failed}. */
@JsonbPropertyOrder({"orderId", "userId", "amount", "currency", "paymentMethod", "paymentId", "reason", "timestamp"})
public record PaymentFailed(String orderId, String userId, BigDecimal amount, String currency, String paymentMethod,
                            String paymentId, String reason, String timestamp) {

    public static final String TOPIC = "payment.failed";
}
