package com.autopilotmonster.marketplace.events;

import com.autopilotmonster.common.events.EventPublisher;
import com.autopilotmonster.marketplace.domain.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records the product events in the outbox right after the change (delivered to Kafka by the relay). */
@ApplicationScoped
public class ProductEvents {

    @Inject
    EventPublisher publisher;

    public void created(Product product) {
        publisher.publish(ProductEvent.CREATED, product.id(), ProductEvent.of(product));
    }

    public void updated(Product product) {
        publisher.publish(ProductEvent.UPDATED, product.id(), ProductEvent.of(product));
    }

    public void deleted(Product product) {
        publisher.publish(ProductEvent.DELETED, product.id(), ProductEvent.of(product));
    }
}
