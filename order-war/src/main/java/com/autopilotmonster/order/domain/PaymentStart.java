package com.autopilotmonster.order.domain;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/**
 * What the client needs to collect the payment: for Stripe the PaymentIntent's id and client secret, for
 * Razorpay the Razorpay order id and the public key id. {@code mode} is {@code sandbox} when no provider was
 * called (local run).
 */
@JsonbPropertyOrder({"paymentId", "orderId", "paymentMethod", "method", "status", "transactionId", "mode", "amount",
        "amountMinor", "currency", "paymentIntentId", "clientSecret", "razorpayOrderId", "keyId"})
public record PaymentStart(String paymentId, String orderId, String paymentMethod, String method, String status,
                           String transactionId, String mode, BigDecimal amount, long amountMinor, String currency,
                           String paymentIntentId, String clientSecret, String razorpayOrderId, String keyId) {

    /**
     * {@code paymentId} / {@code transactionId} (the original client's {@code Payment}) are the provider's
     * reference; {@code status} is {@code processing}: a payment exists at the provider and waits for the customer.
     */
    public static PaymentStart of(String orderId, String paymentMethod, String mode, BigDecimal amount, long amountMinor,
                                  String currency, String paymentIntentId, String clientSecret, String razorpayOrderId,
                                  String keyId, String method) {
        String reference = paymentIntentId != null ? paymentIntentId : razorpayOrderId;
        return new PaymentStart(reference, orderId, paymentMethod, method, "processing", reference, mode, amount,
                amountMinor, currency, paymentIntentId, clientSecret, razorpayOrderId, keyId);
    }
}
