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

    @Inject
    PaymentAttempts attempts;

    public Order cancel(Order order, String reason, String byUserId) {
        String why = reason == null || reason.isBlank() ? "cancelled by customer" : reason.trim();
        if (order.status().allows(OrderStatus.CANCELLED)
                && (order.paymentStatus() == PaymentStatus.PENDING || order.paymentStatus() == PaymentStatus.FAILED)) {
            // nothing stays payable: the Stripe intent is cancelled at Stripe (409 if a payment already started,
            // 503 and the order unchanged if Stripe cannot be asked); a Razorpay capture after this is refunded
            attempts.retire(order, null, "order cancelled");
        }
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
