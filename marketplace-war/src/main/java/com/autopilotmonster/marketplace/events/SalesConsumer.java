package com.autopilotmonster.marketplace.events;

import com.autopilotmonster.common.api.JsonbSettings;
import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import com.autopilotmonster.marketplace.domain.PaidPurchases;
import com.autopilotmonster.marketplace.domain.ProductSales;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code payment.success}: every paid product's {@code downloadCount} grows by the quantity bought, which feeds
 * the downloads sort and the derived "popular" list. Applied once per event id ({@link IdempotentConsumer}),
 * so a redelivered payment is not counted twice; the counter is also keyed by the event id itself
 * ({@link ProductSales}), because the consumer's marker is written after this handler and a handler interrupted
 * before it runs again. The other writes here are repeatable as they are (conditional or upserting).
 */
@ApplicationScoped
public class SalesConsumer {

    static final String CONSUMER = "marketplace-sales";
    private static final Logger LOG = Logger.getLogger(SalesConsumer.class.getName());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ProductSales sales;

    @Inject
    PaidPurchases purchases;

    @Inject
    com.autopilotmonster.marketplace.domain.CouponRedemptions coupons;

    @Incoming("payment-success")
    public CompletionStage<Void> onPayment(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::paid);
    }

    void paid(IncomingEvent event) {
        PaymentSucceeded payment;
        try {
            payment = JsonbSettings.jsonb().fromJson(event.payload(), PaymentSucceeded.class);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable payment.success {0} skipped: {1}", new Object[] {event.id(), e.getMessage()});
            return;
        }
        if (payment == null || payment.items == null) {
            return;
        }
        if (payment.orderId != null) {
            coupons.advance(payment.orderId, "paid"); // a coupon use of this order is spent for good
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (PaymentSucceeded.Item item : payment.items) {
            if (item != null && item.productId != null) {
                int quantity = item.quantity == null ? 1 : item.quantity;
                quantities.merge(item.productId, quantity, Integer::sum);
            }
        }
        sales.sold(event.id(), quantities);
        if (payment.userId != null && !quantities.isEmpty()) {
            purchases.paid(payment.userId, payment.orderId, quantities.keySet());
        }
    }
}
