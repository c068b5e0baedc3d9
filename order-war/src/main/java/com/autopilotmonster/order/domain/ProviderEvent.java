package com.autopilotmonster.order.domain;

/**
 * A verified provider webhook event, translated into what it means for an order.
 *
 * @param orderRef   our orderId as the provider echoes it (metadata / notes), if present
 * @param paymentRef the provider's payment intent (Stripe) or order (Razorpay) id
 * @param paymentId  the provider's id of the payment itself (Razorpay payment id, Stripe intent id)
 */
public record ProviderEvent(String provider, String eventId, String eventType, Kind kind, String orderRef,
                            String paymentRef, String paymentId, Long amountMinor, String currency, String reason) {

    /** What the event means for the order. */
    public enum Kind { SUCCEEDED, FAILED, REFUNDED, OTHER }
}
