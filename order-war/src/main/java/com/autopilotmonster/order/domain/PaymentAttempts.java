package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.order.client.ProviderException;
import com.autopilotmonster.order.client.RazorpayGateway;
import com.autopilotmonster.order.client.StripeGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What an order's payment reference (Stripe PaymentIntent or Razorpay order) is doing at the provider, so a
 * payment the service no longer expects cannot still be taken:
 * <ul>
 *   <li>a payment that has started at the provider (Stripe {@code processing}, {@code requires_capture},
 *       {@code succeeded}; Razorpay a payment {@code authorized} or {@code captured}) blocks a second method and a
 *       cancellation: 409, the customer waits for its outcome;</li>
 *   <li>a superseded or cancelled Stripe intent is cancelled at Stripe; Razorpay has no API to cancel an order,
 *       so a payment that is captured on a superseded Razorpay order or on a cancelled order anyway is refunded
 *       ({@link #refundUnexpected}).</li>
 * </ul>
 * In the sandbox no provider holds anything: only the order's own state counts.
 */
@ApplicationScoped
public class PaymentAttempts {

    private static final Logger LOG = Logger.getLogger(PaymentAttempts.class.getName());
    /** Stripe intent statuses in which money is moving or has moved. */
    private static final Set<String> STRIPE_STARTED = Set.of("processing", "requires_capture", "succeeded");
    private static final Set<String> RAZORPAY_STARTED = Set.of("authorized", "captured");

    @Inject
    StripeGateway stripe;

    @Inject
    RazorpayGateway razorpay;

    @Inject
    PaymentSettings settings;

    @Inject
    TransactionLog log;

    static boolean isStripe(String reference) {
        return reference != null && reference.startsWith("pi_");
    }

    /**
     * Makes the order's current payment reference unpayable before it is replaced by {@code next} (null: the order
     * is being cancelled). Refuses (409) when a payment on it has started; 503 when the provider cannot be asked,
     * in which case nothing was changed.
     */
    public void retire(Order order, String next, String why) {
        String current = order.paymentIntent();
        if (current == null || current.equals(next) || settings.sandbox()) {
            return;
        }
        try {
            if (isStripe(current)) {
                String status = stripe.intentStatus(current);
                if (STRIPE_STARTED.contains(status)) {
                    throw started(order, current, status);
                }
                if (!"canceled".equals(status)) {
                    stripe.cancelIntent(current, "cancel-" + current);
                }
                logStep(order, "stripe", current, "cancelled", why);
            } else {
                List<String> payments = razorpay.paymentStatuses(current);
                String moving = payments.stream().filter(RAZORPAY_STARTED::contains).findFirst().orElse(null);
                if (moving != null) {
                    throw started(order, current, moving);
                }
                // Razorpay orders cannot be cancelled through the API: a payment captured on it later is refunded
                logStep(order, "razorpay", current, "superseded", why + "; a later capture is refunded");
            }
        } catch (ProviderException e) {
            logStep(order, isStripe(current) ? "stripe" : "razorpay", current,
                    e.unavailable() ? "provider-unavailable" : "provider-refused", e.getMessage());
            if (e.unavailable()) {
                throw ApiException.unavailable("The payment provider is not available right now; please try again");
            }
            // Stripe refuses to cancel an intent that was paid or is being paid meanwhile
            throw ApiException.conflict("A payment for this order has already started; wait for its outcome");
        }
    }

    /**
     * A payment the order does not expect (its order was cancelled, or it was made on a superseded reference):
     * refunded in full at the provider. Answers the refund id, or null when the provider could not do it (the
     * caller then flags the order for a person).
     */
    public String refundUnexpected(Order order, ProviderEvent event) {
        if (settings.sandbox()) {
            return null;
        }
        try {
            String refund = "stripe".equals(event.provider()) ? stripe.refund(event.paymentRef())
                    : razorpay.refund(event.paymentId(), event.amountMinor());
            LOG.warning(() -> "order " + order.orderId() + ": unexpected payment " + event.paymentId() + " refunded ("
                    + refund + ")");
            return refund;
        } catch (ProviderException e) {
            LOG.warning(() -> "order " + order.orderId() + ": unexpected payment " + event.paymentId()
                    + " could not be refunded: " + e.getMessage());
            return null;
        }
    }

    private ApiException started(Order order, String reference, String status) {
        LOG.warning(() -> "order " + order.orderId() + ": payment " + reference + " is " + status
                + " at the provider; another method or a cancellation refused");
        logStep(order, isStripe(reference) ? "stripe" : "razorpay", reference, "refused",
                "payment already " + status + " at the provider");
        return ApiException.conflict("A payment for this order has already started (" + status
                + "); wait for its outcome");
    }

    private void logStep(Order order, String provider, String reference, String outcome, String detail) {
        log.append(order, new TransactionLog.Step(provider, "payment.retire", null, null, reference, order.total(),
                order.currency(), outcome, detail));
    }
}
