package com.autopilotmonster.cart.events;

import com.autopilotmonster.cart.domain.CartService;
import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code order.created}: what was ordered leaves the buyer's cart. Applied once per event id
 * ({@link IdempotentConsumer}), so a redelivered order event cannot remove a line the user added again afterwards.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "cart-orders";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    CartService carts;

    @Incoming("order-created")
    public CompletionStage<Void> onCreated(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::created);
    }

    void created(IncomingEvent event) {
        OrderCreated order = Payloads.read(event, OrderCreated.class);
        if (order == null || order.userId == null || order.items == null) {
            return;
        }
        List<String> productIds = order.items.stream().filter(Objects::nonNull).map(i -> i.productId)
                .filter(Objects::nonNull).toList();
        if (!productIds.isEmpty()) {
            carts.ordered(order.userId, productIds);
        }
    }
}
