package com.autopilotmonster.marketplace.domain;

/**
 * "Has this user bought this product?" - answered from real purchase data ({@link PaidPurchases}, a projection of
 * {@code payment.success}). {@link Reviews} marks a review {@code isVerifiedPurchase} with it, and refuses
 * non-buyers when {@code marketplace.reviews.buyers-only} is set.
 */
public interface PurchaseVerifier {

    /** @return true if {@code userId} may review {@code productId} (has bought it) */
    boolean hasPurchased(String userId, String productId);
}
