package com.autopilotmonster.order.client;

import com.autopilotmonster.order.domain.PaymentSettings;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.RefundCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Stripe through {@code stripe-java}'s instance client (no global state): API key and base URL from config
 * ({@code stripe.api-base} points the tests at an HTTP stub), a network timeout, no silent retries.
 */
@ApplicationScoped
public class StripeGateway {

    @Inject
    PaymentSettings settings;

    private volatile StripeClient client;

    /** A created PaymentIntent: its id (stored on the order) and the secret the browser confirms it with. */
    public record Intent(String id, String clientSecret) {
    }

    /**
     * @param idempotencyKey one per order and attempt: a repeated call answers the same intent (Stripe's
     *                       own idempotency), never a second charge
     */
    public Intent createIntent(String orderId, String userId, long amountMinor, String currency, String idempotencyKey)
            throws ProviderException {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder().setAmount(amountMinor)
                .setCurrency(currency.toLowerCase(Locale.ROOT)).putMetadata("orderId", orderId)
                .putMetadata("userId", userId).setDescription("Autopilot Monster order " + orderId).build();
        try {
            PaymentIntent intent = client().v1().paymentIntents().create(params,
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
            return new Intent(intent.getId(), intent.getClientSecret());
        } catch (ApiConnectionException | ApiException | RateLimitException | AuthenticationException e) {
            throw new ProviderException("Stripe is not available: " + e.getMessage(), true, e);
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            throw new ProviderException("Stripe refused the payment intent: " + e.getMessage(),
                    status == null || status >= 500, e);
        }
    }

    /** Stripe's status of a PaymentIntent ({@code requires_payment_method}, {@code processing}, {@code succeeded}, ...). */
    public String intentStatus(String intentId) throws ProviderException {
        return call("read the payment intent", () -> client().v1().paymentIntents().retrieve(intentId).getStatus());
    }

    /**
     * Cancels a PaymentIntent so it can no longer be paid. Stripe refuses to cancel one that succeeded (or, usually,
     * one that is processing): the caller asks {@link #intentStatus} first and only cancels what is still open.
     */
    public String cancelIntent(String intentId, String idempotencyKey) throws ProviderException {
        return call("cancel the payment intent", () -> client().v1().paymentIntents().cancel(intentId,
                com.stripe.param.PaymentIntentCancelParams.builder().build(),
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()).getStatus());
    }

    /** Refunds a PaymentIntent in full (one refund per intent: the idempotency key is the intent's). */
    public String refund(String intentId) throws ProviderException {
        return call("refund the payment", () -> client().v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(intentId).build(), RequestOptions.builder().setIdempotencyKey("refund-" + intentId)
                .build()).getId());
    }

    /** A card saved at Stripe: what may be shown of it (never more than brand, last four digits and expiry). */
    public record SavedCard(String id, String type, String brand, String last4, Long expiryMonth, Long expiryYear) {
    }

    /** The outcome of charging a saved card: {@code status} is Stripe's, or {@code declined} with its message. */
    public record Charge(String intentId, String status, String clientSecret, String declineMessage) {
    }

    public String createCustomer(String userId, String email) throws ProviderException {
        CustomerCreateParams params = CustomerCreateParams.builder().setEmail(email).putMetadata("userId", userId).build();
        return call("create the customer", () -> client().v1().customers().create(params,
                RequestOptions.builder().setIdempotencyKey("customer-" + userId).build()).getId());
    }

    /** Attaches a PaymentMethod the browser created with Stripe.js to the customer; answers what Stripe says of it. */
    public SavedCard attach(String paymentMethodId, String customerId) throws ProviderException {
        PaymentMethod attached = call("attach the payment method", () -> client().v1().paymentMethods().attach(
                paymentMethodId, PaymentMethodAttachParams.builder().setCustomer(customerId).build()));
        PaymentMethod.Card card = attached.getCard();
        return new SavedCard(attached.getId(), attached.getType(), card == null ? null : card.getBrand(),
                card == null ? null : card.getLast4(), card == null ? null : card.getExpMonth(),
                card == null ? null : card.getExpYear());
    }

    public void detach(String paymentMethodId) throws ProviderException {
        call("detach the payment method", () -> client().v1().paymentMethods().detach(paymentMethodId));
    }

    /**
     * Charges a saved card for the order, confirmed at once (the customer is present; no redirects). A declined
     * card is an answer, not a failure: {@code declined} with Stripe's message.
     */
    public Charge chargeSaved(String orderId, String userId, long amountMinor, String currency, String customerId,
                              String paymentMethodId, String idempotencyKey) throws ProviderException {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder().setAmount(amountMinor)
                .setCurrency(currency.toLowerCase(Locale.ROOT)).setCustomer(customerId).setPaymentMethod(paymentMethodId)
                .setConfirm(true).setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true).setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                        .build())
                .putMetadata("orderId", orderId).putMetadata("userId", userId)
                .setDescription("Autopilot Monster order " + orderId).build();
        try {
            PaymentIntent intent = client().v1().paymentIntents().create(params,
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
            return new Charge(intent.getId(), intent.getStatus(), intent.getClientSecret(), null);
        } catch (CardException e) {
            return new Charge(e.getStripeError() == null || e.getStripeError().getPaymentIntent() == null ? null
                    : e.getStripeError().getPaymentIntent().getId(), "declined", null, e.getUserMessage() != null
                    ? e.getUserMessage() : "The card was declined");
        } catch (StripeException e) {
            throw failure("charge the saved card", e);
        }
    }

    private interface StripeCall<T> {
        T run() throws StripeException, ProviderException;
    }

    private <T> T call(String what, StripeCall<T> call) throws ProviderException {
        try {
            return call.run();
        } catch (StripeException e) {
            throw failure(what, e);
        }
    }

    private static ProviderException failure(String what, StripeException e) {
        if (e instanceof ApiConnectionException || e instanceof ApiException || e instanceof RateLimitException
                || e instanceof AuthenticationException) {
            return new ProviderException("Stripe is not available (" + what + "): " + e.getMessage(), true, e);
        }
        Integer status = e.getStatusCode();
        return new ProviderException("Stripe refused to " + what + ": " + e.getMessage(), status == null || status >= 500, e);
    }

    private StripeClient client() throws ProviderException {
        StripeClient current = client;
        if (current == null) {
            String key = settings.stripeApiKey().orElseThrow(() -> new ProviderException(
                    "Stripe is not configured on this server (stripe.api-key)", true, null));
            current = StripeClient.builder().setApiKey(key).setApiBase(settings.stripeApiBase())
                    .setConnectTimeout(settings.providerTimeoutMs()).setReadTimeout(settings.providerTimeoutMs())
                    .setMaxNetworkRetries(0).build();
            client = current;
        }
        return current;
    }
}
