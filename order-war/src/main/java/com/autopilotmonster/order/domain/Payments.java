package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.order.client.ProviderException;
import com.autopilotmonster.order.client.RazorpayGateway;
import com.autopilotmonster.order.client.StripeGateway;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The payment step: asks the provider for a PaymentIntent (Stripe) or an order (Razorpay) for the order's
 * total and only then records its id on the order. A provider that fails leaves the order exactly as it
 * was (the attempt is in the transaction log) and answers 503, so the client can simply retry.
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class.getName());

    @Inject
    StripeGateway stripe;

    @Inject
    RazorpayGateway razorpay;

    @Inject
    OrderStore orders;

    @Inject
    TransactionLog log;

    @Inject
    PaymentSettings settings;

    public PaymentStart start(Order order, String method) {
        return start(order, method, method);
    }

    /** {@code clientMethod}: how the customer said they pay (card, upi, ...), echoed back as the client's method. */
    public PaymentStart start(Order order, String method, String clientMethod) {
        if (!order.status().allows(OrderStatus.PROCESSING)
                || !(order.paymentStatus() == PaymentStatus.PENDING || order.paymentStatus() == PaymentStatus.FAILED)) {
            LOG.warning(() -> "payment refused for order " + order.orderId() + " in status " + order.status().value()
                    + "/" + order.paymentStatus().value());
            throw ApiException.conflict("This order cannot be paid in status " + order.status().value() + " / payment "
                    + order.paymentStatus().value());
        }
        long minor = order.totalMinorUnits();
        if (minor <= 0) {
            // providers refuse a zero amount (Stripe's minimum is 50 cents): that is the client's situation, not a
            // provider failure, so it is answered before any provider is asked
            throw ApiException.unprocessable("This order has nothing to pay");
        }
        String intentId;
        String clientSecret = null;
        String keyId = null;
        String mode = settings.sandbox() ? "sandbox" : "live";
        try {
            if (settings.sandbox()) {
                String random = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
                intentId = ("stripe".equals(method) ? "pi_sandbox_" : "order_sandbox_") + random;
                clientSecret = "stripe".equals(method) ? intentId + "_secret_sandbox" : null;
                keyId = "razorpay".equals(method) ? "rzp_sandbox" : null;
            } else if ("stripe".equals(method)) {
                // one Stripe idempotency key per order and retry round: repeating the step answers the same intent
                StripeGateway.Intent intent = stripe.createIntent(order.orderId(), order.userId(), minor,
                        order.currency(), "order-" + order.orderId() + "-" + order.paymentStatus().value());
                intentId = intent.id();
                clientSecret = intent.clientSecret();
            } else {
                RazorpayGateway.RazorpayOrder created = razorpay.createOrder(order.orderId(), order.userId(), minor,
                        order.currency());
                intentId = created.id();
                keyId = created.keyId();
            }
        } catch (ProviderException e) {
            log.append(order, new TransactionLog.Step(method, "payment.create", null, null, null, order.total(),
                    order.currency(), e.unavailable() ? "provider-unavailable" : "provider-refused", e.getMessage()));
            if (e.unavailable()) {
                throw ApiException.unavailable("The payment provider is not available right now; please try again");
            }
            throw new ApiException(502, "provider-refused", "Bad Gateway", "The payment provider refused the payment");
        }
        Order updated = orders.transition(order.id(), OrderStatus.PROCESSING, null, "payment started (" + method + ")",
                        List.of(Updates.set("paymentMethod", method), Updates.set("paymentIntent", intentId)),
                        List.of(Filters.in("paymentStatus", List.of(PaymentStatus.PENDING.value(), PaymentStatus.FAILED.value()))))
                .orElseThrow(() -> ApiException.conflict("The order changed meanwhile; reload it"));
        log.append(updated, new TransactionLog.Step(method, "payment.create", null, null, intentId, order.total(),
                order.currency(), "created", mode));
        return PaymentStart.of(updated.orderId(), method, mode, updated.total(), minor, updated.currency(),
                "stripe".equals(method) ? intentId : null, clientSecret, "razorpay".equals(method) ? intentId : null, keyId,
                clientMethod);
    }
}
