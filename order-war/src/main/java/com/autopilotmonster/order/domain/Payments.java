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

    @Inject
    PaymentAttempts attempts;

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
        String previous = order.paymentIntent();
        try {
            if ("razorpay".equals(method) && previous != null && !PaymentAttempts.isStripe(previous)) {
                // a Razorpay order takes further attempts until it is paid, and cannot be cancelled: the same one
                // again, never a second payable order
                return PaymentStart.of(order.orderId(), method, mode, order.total(), minor, order.currency(), null, null,
                        previous, settings.sandbox() ? "rzp_sandbox" : settings.razorpayKeyId().orElseThrow(() ->
                                new ProviderException("Razorpay is not configured on this server", true, null)),
                        clientMethod);
            }
            if (previous != null && PaymentAttempts.isStripe(previous) != "stripe".equals(method)) {
                // another provider: the earlier attempt is made unpayable (or the switch refused, 409) BEFORE a new
                // payable one exists
                attempts.retire(order, null, "replaced by " + method);
            }
            if (settings.sandbox()) {
                String random = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
                intentId = ("stripe".equals(method) ? "pi_sandbox_" : "order_sandbox_") + random;
                clientSecret = "stripe".equals(method) ? intentId + "_secret_sandbox" : null;
                keyId = "razorpay".equals(method) ? "rzp_sandbox" : null;
            } else if ("stripe".equals(method)) {
                // one Stripe idempotency key per order and retry round: repeating the step answers the same intent
                // (after another provider's attempt a new key: the intent of the first round may be cancelled)
                StripeGateway.Intent intent = stripe.createIntent(order.orderId(), order.userId(), minor,
                        order.currency(), "order-" + order.orderId() + "-" + order.paymentStatus().value()
                                + (previous != null && !PaymentAttempts.isStripe(previous) ? "-after-" + previous : ""));
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
        if (previous != null && PaymentAttempts.isStripe(previous) == "stripe".equals(method)) {
            // a new intent of the same provider (a retry after a failure): the earlier one must not stay payable
            attempts.retire(order, intentId, "replaced by " + method + " " + intentId);
        }
        Order updated = orders.transition(order.id(), OrderStatus.PROCESSING, null, "payment started (" + method + ")",
                        previous == null || previous.equals(intentId)
                                ? List.of(Updates.set("paymentMethod", method), Updates.set("paymentIntent", intentId))
                                : List.of(Updates.set("paymentMethod", method), Updates.set("paymentIntent", intentId),
                                        Updates.addToSet("earlierPaymentIntents", previous)),
                        List.of(Filters.in("paymentStatus", List.of(PaymentStatus.PENDING.value(), PaymentStatus.FAILED.value()))))
                .orElseThrow(() -> ApiException.conflict("The order changed meanwhile; reload it"));
        log.append(updated, new TransactionLog.Step(method, "payment.create", null, null, intentId, order.total(),
                order.currency(), "created", mode));
        return PaymentStart.of(updated.orderId(), method, mode, updated.total(), minor, updated.currency(),
                "stripe".equals(method) ? intentId : null, clientSecret, "razorpay".equals(method) ? intentId : null, keyId,
                clientMethod);
    }
}
