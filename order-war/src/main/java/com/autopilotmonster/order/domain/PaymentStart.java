package com.autopilotmonster.order.domain;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/**
 * What the client needs to collect the payment: for Stripe the PaymentIntent's id and client secret, for
 * Razorpay the Razorpay order id and the public key id. {@code mode} is {@code sandbox} when no provider was
 * called (local run).
 */
@JsonbPropertyOrder({"orderId", "paymentMethod", "mode", "amount", "amountMinor", "currency", "paymentIntentId",
        "clientSecret", "razorpayOrderId", "keyId", "order"})
public record PaymentStart(String orderId, String paymentMethod, String mode, BigDecimal amount, long amountMinor,
                           String currency, String paymentIntentId, String clientSecret, String razorpayOrderId,
                           String keyId) {
}
