package com.autopilotmonster.order.client;

import com.autopilotmonster.order.domain.PaymentSettings;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
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
