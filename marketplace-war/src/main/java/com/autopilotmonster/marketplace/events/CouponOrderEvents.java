package com.autopilotmonster.marketplace.events;

import com.autopilotmonster.common.api.JsonbSettings;
import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import com.autopilotmonster.marketplace.domain.CouponRedemptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The orders' side of coupon uses: {@code order.created} confirms a reservation (it will not expire),
 * {@code order.cancelled} gives the use back. Both are conditional moves of the redemption, so a redelivered
 * or late event changes nothing; an unreadable one is logged and skipped.
 */
@ApplicationScoped
public class CouponOrderEvents {

    static final String CONSUMER = "marketplace-coupons";
    private static final Logger LOG = Logger.getLogger(CouponOrderEvents.class.getName());

    /** The only field read of either event. */
    public static class OrderRef {
        public String orderId;
    }

    @Inject
    IdempotentConsumer consumer;

    @Inject
    CouponRedemptions redemptions;

    @Incoming("coupon-order-created")
    public CompletionStage<Void> onCreated(Message<String> message) {
        return consumer.handle(CONSUMER, message, event -> orderId(event, "order.created")
                .ifPresent(id -> redemptions.advance(id, "ordered")));
    }

    @Incoming("coupon-order-cancelled")
    public CompletionStage<Void> onCancelled(Message<String> message) {
        return consumer.handle(CONSUMER, message, event -> orderId(event, "order.cancelled")
                .ifPresent(id -> redemptions.release(id, "order cancelled")));
    }

    private static java.util.Optional<String> orderId(IncomingEvent event, String topic) {
        try {
            OrderRef ref = JsonbSettings.jsonb().fromJson(event.payload(), OrderRef.class);
            if (ref != null && ref.orderId != null && ref.orderId.length() <= 64) {
                return java.util.Optional.of(ref.orderId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable {0} {1} skipped: {2}", new Object[] {topic, event.id(), e.getMessage()});
            return java.util.Optional.empty();
        }
        LOG.warning(() -> topic + " " + event.id() + " without an order id skipped");
        return java.util.Optional.empty();
    }
}
