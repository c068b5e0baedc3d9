package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.order.client.ProviderException;
import com.autopilotmonster.order.client.StripeGateway;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.conversions.Bson;

/**
 * Pays an order with a saved card, confirmed at once (checkout sessions). Stripe is asked with one idempotency
 * key per order and attempt; the order's state still moves only through the signed webhook, as for every
 * payment. In the sandbox the same webhook is produced locally (a saved sandbox card ending in 0002 is declined,
 * like Stripe's test card), so a person can try the whole journey without keys.
 */
@ApplicationScoped
public class SavedCardPayments {

    static final String SANDBOX_DECLINED_LAST4 = "0002";

    @Inject
    StripeGateway stripe;

    @Inject
    OrderStore orders;

    @Inject
    TransactionLog log;

    @Inject
    PaymentSettings settings;

    @Inject
    Sandbox sandbox;

    @Inject
    PaymentAttempts attempts;

    @Inject
    OrderMetrics metrics;

    /** {@code status}: {@code succeeded}, {@code processing}, {@code requires_action} (3-D Secure) or {@code declined}. */
    public record Outcome(Order order, String status, String clientSecret, String message) {
    }

    public Outcome pay(Order order, SavedPaymentMethods.Saved method) {
        if (!order.status().allows(OrderStatus.PROCESSING)
                || !(order.paymentStatus() == PaymentStatus.PENDING || order.paymentStatus() == PaymentStatus.FAILED)) {
            throw ApiException.conflict("This order cannot be paid in status " + order.status().value());
        }
        long minor = order.totalMinorUnits();
        if (minor <= 0) {
            throw ApiException.unprocessable("This order has nothing to pay");
        }
        if (settings.sandbox()) {
            String intent = "pi_sandbox_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            Order started = started(order, intent, "saved card (sandbox)");
            boolean succeed = !SANDBOX_DECLINED_LAST4.equals(method.last4());
            sandbox.complete(started, succeed);
            Order after = orders.find(order.id()).orElse(started);
            return new Outcome(after, succeed ? "succeeded" : "declined", null,
                    succeed ? "Payment succeeded" : "Your card was declined (sandbox)");
        }
        if (method.customerId() == null) {
            throw ApiException.conflict("This payment method was saved in the sandbox; add it again");
        }
        // the earlier attempt (a declined card's intent) is cancelled before a card is charged again: the charge is
        // confirmed at once, so this is the last moment a started payment can still stop a second one (409)
        attempts.retire(order, null, "replaced by a saved card");
        StripeGateway.Charge charge;
        try {
            charge = stripe.chargeSaved(order.orderId(), order.userId(), minor, order.currency(), method.customerId(),
                    method.id(), "order-" + order.orderId() + "-saved-" + method.id() + "-" + order.paymentStatus().value());
        } catch (ProviderException e) {
            log.append(order, new TransactionLog.Step("stripe", "payment.create", null, null, null, order.total(),
                    order.currency(), e.unavailable() ? "provider-unavailable" : "provider-refused", e.getMessage()));
            throw e.unavailable() ? ApiException.unavailable("The payment provider is not available right now; please try again")
                    : new ApiException(502, "provider-refused", "Bad Gateway", "The payment provider refused the payment");
        }
        if ("declined".equals(charge.status())) {
            List<Bson> set = new ArrayList<>(List.of(Updates.set("paymentMethod", "stripe")));
            if (charge.intentId() != null) {
                set.add(Updates.set("paymentIntent", charge.intentId()));
            }
            Order failed = orders.transition(order.id(), OrderStatus.PROCESSING, PaymentStatus.FAILED,
                    "saved card declined", set, List.of()).orElse(order);
            metrics.paymentFailed(failed, "stripe");
            log.append(failed, new TransactionLog.Step("stripe", "payment.create", null, null, charge.intentId(),
                    order.total(), order.currency(), "declined", charge.declineMessage()));
            return new Outcome(failed, "declined", null, charge.declineMessage());
        }
        Order started = started(order, charge.intentId(), "saved card (" + charge.status() + ")");
        return new Outcome(started, charge.status(), charge.clientSecret(),
                "requires_action".equals(charge.status()) ? "The card needs the customer's confirmation" : "Payment accepted");
    }

    private Order started(Order order, String intentId, String how) {
        Order updated = orders.transition(order.id(), OrderStatus.PROCESSING, null, "payment started (" + how + ")",
                        List.of(Updates.set("paymentMethod", "stripe"), Updates.set("paymentIntent", intentId)),
                        List.of(Filters.in("paymentStatus", List.of(PaymentStatus.PENDING.value(), PaymentStatus.FAILED.value()))))
                .orElseThrow(() -> ApiException.conflict("The order changed meanwhile; reload it"));
        log.append(updated, new TransactionLog.Step("stripe", "payment.create", null, null, intentId, order.total(),
                order.currency(), "created", how));
        return updated;
    }
}
