package com.autopilotmonster.marketplace.events;

import com.autopilotmonster.marketplace.domain.Review;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * {@code review.created} (key = the product id): what the vendor service needs for the vendor's
 * {@code averageRating} and per-product ratings. Neither the spec nor the Node original names a review event;
 * the name follows the platform's {@code <aggregate>.<past tense>} convention.
 */
@JsonbPropertyOrder({"reviewId", "productId", "vendorId", "userId", "rating", "timestamp"})
public record ReviewEvent(String reviewId, String productId, String vendorId, String userId, int rating,
                          String timestamp) {

    public static final String CREATED = "review.created";

    public static ReviewEvent of(Review review, String vendorId) {
        return new ReviewEvent(review.id(), review.productId(), vendorId, review.userId(), review.rating(),
                Instant.now().toString());
    }
}
