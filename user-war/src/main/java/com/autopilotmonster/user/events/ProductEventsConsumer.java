package com.autopilotmonster.user.events;

import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import com.autopilotmonster.user.domain.ProductModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The product read model ({@link ProductModel}) from {@code product.created|updated|deleted}: the wishlist's
 * current name, price and availability, and the private {@code deliveryUrl} of bought files.
 */
@ApplicationScoped
public class ProductEventsConsumer {

    static final String CONSUMER = "user-products";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ProductModel products;

    @Incoming("product-created")
    public CompletionStage<Void> onCreated(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::changed);
    }

    @Incoming("product-updated")
    public CompletionStage<Void> onUpdated(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::changed);
    }

    @Incoming("product-deleted")
    public CompletionStage<Void> onDeleted(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::deleted);
    }

    void changed(IncomingEvent event) {
        EventPayloads.ProductEvent p = Payloads.read(event, EventPayloads.ProductEvent.class);
        if (p == null || !Ids.valid(p.productId)) {
            return;
        }
        String url = p.deliveryUrl != null && p.deliveryUrl.length() <= 2048
                && (p.deliveryUrl.startsWith("https://") || p.deliveryUrl.startsWith("http://")) ? p.deliveryUrl : null;
        products.upsert(p.productId, Ids.bounded(p.vendorId, 64), Ids.bounded(p.name, 200), p.price,
                Ids.bounded(p.currency, 8), Ids.bounded(p.category, 100), Ids.bounded(p.status, 20), url);
    }

    void deleted(IncomingEvent event) {
        EventPayloads.ProductEvent p = Payloads.read(event, EventPayloads.ProductEvent.class);
        if (p == null || !Ids.valid(p.productId)) {
            return;
        }
        products.deleted(p.productId);
    }
}
