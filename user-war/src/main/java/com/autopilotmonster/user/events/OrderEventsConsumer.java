package com.autopilotmonster.user.events;

import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import com.autopilotmonster.user.domain.Purchases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Purchase history from the order service's events: {@code order.created} (lines pending, no access),
 * {@code payment.success} (owned: licence key shown, downloads allowed), {@code order.refunded} and
 * {@code order.cancelled} (access ends). Each event applied once per id ({@link IdempotentConsumer});
 * an unreadable or incomplete payload is skipped, never blocking its channel.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "user-orders";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    Purchases purchases;

    @Incoming("order-created")
    public CompletionStage<Void> onCreated(Message<String> message) {
        return consumer.handle(CONSUMER, message, e -> apply(e, Action.ORDERED));
    }

    @Incoming("payment-success")
    public CompletionStage<Void> onPaid(Message<String> message) {
        return consumer.handle(CONSUMER, message, e -> apply(e, Action.PAID));
    }

    @Incoming("order-refunded")
    public CompletionStage<Void> onRefunded(Message<String> message) {
        return consumer.handle(CONSUMER, message, e -> apply(e, Action.REFUNDED));
    }

    @Incoming("order-cancelled")
    public CompletionStage<Void> onCancelled(Message<String> message) {
        return consumer.handle(CONSUMER, message, e -> apply(e, Action.CANCELLED));
    }

    enum Action { ORDERED, PAID, REFUNDED, CANCELLED }

    void apply(IncomingEvent event, Action action) {
        EventPayloads.OrderEvent order = Payloads.read(event, EventPayloads.OrderEvent.class);
        if (order == null || !order.valid() || !Ids.valid(order.userId) || !Ids.valid(order.orderId)) {
            return;
        }
        List<Purchases.Line> lines = order.lines().stream().filter(l -> Ids.valid(l.productId())).toList();
        String currency = Ids.bounded(order.currency, 8);
        switch (action) {
            case ORDERED -> purchases.ordered(order.orderId, order.userId, currency, lines);
            case PAID -> purchases.paid(order.orderId, order.userId, currency, lines);
            case REFUNDED -> purchases.revoked(order.orderId, order.userId, currency, lines, Purchases.REFUNDED);
            case CANCELLED -> purchases.revoked(order.orderId, order.userId, currency, lines, Purchases.CANCELLED);
        }
    }
}
