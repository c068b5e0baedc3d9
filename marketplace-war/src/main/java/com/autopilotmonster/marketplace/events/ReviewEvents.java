package com.autopilotmonster.marketplace.events;

import com.autopilotmonster.common.events.EventPublisher;
import com.autopilotmonster.marketplace.domain.Review;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records the review events in the outbox right after the review is stored (delivered to Kafka by the relay). */
@ApplicationScoped
public class ReviewEvents {

    @Inject
    EventPublisher publisher;

    public void created(Review review, String vendorId) {
        publisher.publish(ReviewEvent.CREATED, review.productId(), ReviewEvent.of(review, vendorId));
    }
}
