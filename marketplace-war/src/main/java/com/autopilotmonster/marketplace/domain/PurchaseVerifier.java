package com.autopilotmonster.marketplace.domain;

/**
 * The hook for "only buyers may review": {@link Reviews} asks it before accepting a review. Until order data
 * exists the only implementation is {@link AnyUserMayReview}; once the order service answers "has this user
 * bought this product" (an MP Rest Client in the {@code client} package, or a local projection of
 * {@code payment.success} events), provide a bean of this type annotated {@code @Alternative @Priority(1)} and
 * reviews from non-buyers are refused with 403.
 */
public interface PurchaseVerifier {

    /** @return true if {@code userId} may review {@code productId} (has bought it) */
    boolean hasPurchased(String userId, String productId);
}
