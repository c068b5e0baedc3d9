package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.events.EventPublisher;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.order.events.OrderCancelled;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/** Cancellation: only while nothing was paid; the state machine decides, atomically. */
@ApplicationScoped
public class OrderActions {

    private static final Logger LOG = Logger.getLogger(OrderActions.class.getName());

    @Inject
    OrderStore orders;

    @Inject
    EventPublisher events;

    public Order cancel(Order order, String reason, String byUserId) {
        String why = reason == null || reason.isBlank() ? "cancelled by customer" : reason.trim();
        Order cancelled = orders.transition(order.id(), OrderStatus.CANCELLED, null, "cancelled by " + byUserId + ": " + why,
                        List.of(), List.of(Filters.in("paymentStatus", List.of(PaymentStatus.PENDING.value(),
                                PaymentStatus.FAILED.value()))))
                .orElseGet(() -> {
                    Order now = orders.find(order.id()).orElse(order);
                    LOG.warning(() -> "illegal transition refused: cancel order " + now.orderId() + " in status "
                            + now.status().value() + "/" + now.paymentStatus().value());
                    throw ApiException.conflict("This order can no longer be cancelled (status " + now.status().value()
                            + ", payment " + now.paymentStatus().value() + ")");
                });
        events.publish(OrderCancelled.TOPIC, cancelled.orderId(), new OrderCancelled(cancelled.orderId(),
                cancelled.userId(), why, Instant.now().toString()));
        return cancelled;
    }
}
