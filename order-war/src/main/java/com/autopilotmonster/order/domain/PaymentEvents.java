package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.events.EventPublisher;
import com.autopilotmonster.order.events.PaymentFailed;
import com.autopilotmonster.order.events.OrderRefunded;
import com.autopilotmonster.order.events.PaymentSucceeded;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies verified provider events to orders, once each. The order of arrival does not matter: each event
 * asks the state machine for its transition, and one that would go backwards (a failure after the success,
 * a success after the refund, a second success) is refused, logged and acknowledged. A success whose amount
 * or currency differ from the order's is not taken as payment: the order is flagged for review.
 */
@ApplicationScoped
public class PaymentEvents {

    private static final Logger LOG = Logger.getLogger(PaymentEvents.class.getName());

    @Inject
    OrderStore orders;

    @Inject
    ProviderEvents seen;

    @Inject
    TransactionLog log;

    @Inject
    EventPublisher events;

    @Inject
    PaymentAttempts attempts;

    @Inject
    OrderMetrics metrics;

    /** @return the outcome as written to the transaction log */
    public String apply(ProviderEvent event) {
        if (!seen.claim(event.provider(), event.eventId(), event.eventType())) {
            record(findOrder(event).orElse(null), event, "duplicate", "already handled");
            return "duplicate";
        }
        try {
            return applyOnce(event);
        } catch (RuntimeException e) {
            seen.release(event.provider(), event.eventId());
            throw e;
        }
    }

    private String applyOnce(ProviderEvent event) {
        if (event.kind() == ProviderEvent.Kind.OTHER) {
            record(null, event, "ignored", "event type not used");
            return "ignored";
        }
        Order order = findOrder(event).orElse(null);
        if (order == null) {
            record(null, event, "unmatched", "no order for " + event.orderRef() + " / " + event.paymentRef());
            return "unmatched";
        }
        return switch (event.kind()) {
            case SUCCEEDED -> succeeded(order, event);
            case FAILED -> failed(order, event);
            case REFUNDED -> refunded(order, event);
            default -> "ignored";
        };
    }

    private String succeeded(Order order, ProviderEvent event) {
        if (order.paymentIntent() != null && event.paymentRef() != null && !order.paymentIntent().equals(event.paymentRef())) {
            // an attempt the customer replaced by another (Razorpay orders cannot be cancelled): not this order's payment
            return refundOrFlag(order, event, "payment " + event.paymentRef() + " is not the order's current payment "
                    + order.paymentIntent());
        }
        String mismatch = mismatch(order, event);
        if (mismatch != null) {
            orders.flagForReview(order.id(), mismatch);
            record(order, event, "flagged", mismatch);
            return "flagged";
        }
        Optional<Order> paid = orders.transition(order.id(), OrderStatus.COMPLETED, PaymentStatus.PAID,
                event.provider() + " " + event.eventType(), List.of(Updates.set("paymentId", event.paymentId()),
                        Updates.set("paidAt", new java.util.Date()),
                        // payment.success is written by the same update as the payment: a crash cannot lose it
                        events.push(PaymentSucceeded.TOPIC, order.orderId(), new PaymentSucceeded(order.orderId(),
                                order.userId(), order.total(), order.currency(), order.paymentMethod(),
                                event.paymentId(), order.items().stream().map(PaymentSucceeded.Item::of).toList(),
                                Instant.now().toString()))), List.of());
        if (paid.isEmpty()) {
            Order now = orders.find(order.id()).orElse(order);
            if (now.status() == OrderStatus.CANCELLED) {
                return refundOrFlag(now, event, "payment received for a cancelled order");
            }
            return refused(now, event, PaymentStatus.PAID);
        }
        Order done = paid.get();
        events.written(Order.COLLECTION, new org.bson.types.ObjectId(done.id()));
        metrics.paid(done, event.provider());
        record(done, event, "applied", "paid; order completed");
        return "applied";
    }

    private String failed(Order order, ProviderEvent event) {
        Optional<Order> failed = orders.transition(order.id(), null, PaymentStatus.FAILED,
                event.provider() + " " + event.eventType(), List.of(), List.of());
        if (failed.isEmpty()) {
            return refused(orders.find(order.id()).orElse(order), event, PaymentStatus.FAILED);
        }
        Order now = failed.get();
        String reason = event.reason() == null ? "payment failed" : event.reason();
        events.publish(PaymentFailed.TOPIC, now.orderId(), new PaymentFailed(now.orderId(), now.userId(), now.total(),
                now.currency(), now.paymentMethod(), event.paymentId(), reason, Instant.now().toString()));
        metrics.paymentFailed(now, event.provider());
        record(now, event, "applied", "payment failed: " + reason);
        return "applied";
    }

    /**
     * Money the order does not expect is given back at the provider at once; if the provider cannot do it now, a
     * person does (the order is flagged for review).
     */
    private String refundOrFlag(Order order, ProviderEvent event, String reason) {
        String refund = attempts.refundUnexpected(order, event);
        if (refund != null) {
            record(order, event, "refunded", reason + ": refunded at the provider (" + refund + ")");
            return "refunded";
        }
        orders.flagForReview(order.id(), reason + ": refund it");
        record(order, event, "flagged", reason + ": refund it");
        return "flagged";
    }

    private String refunded(Order order, ProviderEvent event) {
        String mismatch = refundMismatch(order, event);
        if (mismatch != null) {
            // acknowledged (the provider stops retrying) but not applied: a refund of another payment, or in another
            // currency, must not end this order
            LOG.warning(() -> "order " + order.orderId() + ": refund event " + event.eventId() + " not applied: " + mismatch);
            record(order, event, "mismatch", mismatch);
            return "mismatch";
        }
        if (event.amountMinor() != null && event.amountMinor() < order.totalMinorUnits()) {
            // a partial refund does not end the order; it is on record for the people doing accounts
            record(order, event, "ignored", "partial refund of " + event.amountMinor() + " minor units");
            return "ignored";
        }
        Optional<Order> refunded = orders.transition(order.id(), OrderStatus.REFUNDED, PaymentStatus.REFUNDED,
                event.provider() + " " + event.eventType(), List.of(), List.of());
        if (refunded.isEmpty()) {
            return refused(orders.find(order.id()).orElse(order), event, PaymentStatus.REFUNDED);
        }
        Order done = refunded.get();
        events.publish(OrderRefunded.TOPIC, done.orderId(), new OrderRefunded(done.orderId(), done.userId(),
                done.total(), done.currency(), done.paymentMethod(), event.paymentId(),
                done.items().stream().map(PaymentSucceeded.Item::of).toList(), Instant.now().toString()));
        metrics.refunded(done, event.provider());
        record(done, event, "applied", "refunded");
        return "applied";
    }

    private String refused(Order now, ProviderEvent event, PaymentStatus target) {
        String detail = "illegal transition " + now.status().value() + "/" + now.paymentStatus().value() + " -> "
                + target.value() + " refused";
        LOG.warning(() -> "order " + now.orderId() + ": " + detail + " (" + event.provider() + " " + event.eventId() + ")");
        record(now, event, "refused", detail);
        return "refused";
    }

    /** Why this refund is not a refund of the payment that paid this order, or null if it is. */
    private String refundMismatch(Order order, ProviderEvent event) {
        boolean samePayment = event.paymentId() != null
                && orders.byPaymentId(event.paymentId()).map(o -> o.id().equals(order.id())).orElse(false);
        if (!samePayment) {
            return "refund of payment " + event.paymentId() + ", which did not pay order " + order.orderId();
        }
        if (event.currency() == null || !event.currency().equalsIgnoreCase(order.currency())) {
            return "refund in " + event.currency() + ", the order was paid in " + order.currency();
        }
        return null;
    }

    /** Why this success cannot be taken as payment of this order, or null if it can. */
    private static String mismatch(Order order, ProviderEvent event) {
        if (order.paymentIntent() != null && event.paymentRef() != null && !order.paymentIntent().equals(event.paymentRef())) {
            return "payment " + event.paymentRef() + " is not the order's current payment " + order.paymentIntent();
        }
        long expected = order.totalMinorUnits();
        if (event.amountMinor() == null || event.amountMinor() != expected || event.currency() == null
                || !event.currency().toUpperCase(Locale.ROOT).equals(order.currency().toUpperCase(Locale.ROOT))) {
            return "amount mismatch: expected " + expected + " " + order.currency() + ", provider reported "
                    + event.amountMinor() + " " + event.currency();
        }
        return null;
    }

    private Optional<Order> findOrder(ProviderEvent event) {
        Optional<Order> order = event.orderRef() == null ? Optional.empty() : orders.find(event.orderRef());
        if (order.isEmpty()) {
            order = orders.byPaymentIntent(event.paymentRef());
        }
        if (order.isEmpty() && event.paymentId() != null) {
            order = orders.byPaymentId(event.paymentId());
        }
        if (order.isEmpty() && event.paymentRef() != null) {
            // a payment on an attempt the order replaced (Razorpay does not echo our notes on the payment)
            order = orders.byEarlierPaymentIntent(event.paymentRef());
        }
        return order;
    }

    private void record(Order order, ProviderEvent event, String outcome, String detail) {
        BigDecimal amount = event.amountMinor() == null ? null
                : BigDecimal.valueOf(event.amountMinor()).movePointLeft(Money.fractionDigits(
                        event.currency() == null ? "USD" : event.currency()));
        log.append(order == null ? event.orderRef() : order.orderId(), order == null ? null : order.userId(),
                new TransactionLog.Step(event.provider(), "webhook", event.eventId(), event.eventType(),
                        event.paymentRef(), amount, event.currency(), outcome, detail));
    }
}
