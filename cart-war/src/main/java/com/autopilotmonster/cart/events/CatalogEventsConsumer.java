package com.autopilotmonster.cart.events;

import com.autopilotmonster.cart.domain.CartService;
import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps carts in line with the catalog: {@code product.updated} reprices the lines holding the product
 * (and flags them unavailable unless the product is active), {@code product.deleted} flags them. Each event
 * is applied once however often Kafka delivers it ({@link IdempotentConsumer}).
 */
@ApplicationScoped
public class CatalogEventsConsumer {

    static final String CONSUMER = "cart-catalog";
    private static final Logger LOG = Logger.getLogger(CatalogEventsConsumer.class.getName());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    CartService carts;

    @Incoming("product-updated")
    public CompletionStage<Void> onUpdated(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::updated);
    }

    @Incoming("product-deleted")
    public CompletionStage<Void> onDeleted(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::deleted);
    }

    void updated(IncomingEvent event) {
        ProductEvent product = Payloads.read(event, ProductEvent.class);
        if (product == null || product.productId == null) {
            return;
        }
        int carts = this.carts.productChanged(product.productId, product.name, product.price,
                "active".equals(product.status));
        LOG.fine(() -> "product " + product.productId + " updated: " + carts + " cart(s) checked");
    }

    void deleted(IncomingEvent event) {
        ProductEvent product = Payloads.read(event, ProductEvent.class);
        if (product == null || product.productId == null) {
            return;
        }
        int carts = this.carts.productDeleted(product.productId);
        LOG.fine(() -> "product " + product.productId + " deleted: " + carts + " cart(s) checked");
    }
}
