package com.autopilotmonster.order.api;

import com.autopilotmonster.order.domain.Order;
import com.autopilotmonster.order.domain.PaymentStatus;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/**
 * An order's payment as the original web client reads it ({@code Payment}): the provider's payment reference
 * is both {@code paymentId} and {@code transactionId}; {@code status} in the client's words
 * (pending, processing once a provider payment exists, completed, failed, refunded).
 */
@JsonbPropertyOrder({"paymentId", "orderId", "amount", "currency", "method", "status", "transactionId"})
public record PaymentView(String paymentId, String orderId, BigDecimal amount, String currency, String method,
                          String status, String transactionId) {

    static PaymentView of(Order order) {
        String status = switch (order.paymentStatus()) {
            case PAID -> "completed";
            case FAILED -> "failed";
            case REFUNDED -> "refunded";
            case PENDING -> order.paymentIntent() == null ? "pending" : "processing";
        };
        return new PaymentView(order.paymentIntent(), order.orderId(), order.total(), order.currency(),
                order.paymentMethod(), status, order.paymentIntent());
    }

    static boolean started(Order order) {
        return order.paymentIntent() != null || order.paymentStatus() != PaymentStatus.PENDING;
    }
}
