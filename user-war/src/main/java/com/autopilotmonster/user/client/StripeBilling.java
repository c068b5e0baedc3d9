package com.autopilotmonster.user.client;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.user.domain.BillingSettings;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Stripe Billing through {@code stripe-java}'s instance client (API key and base URL from config - the tests
 * point it at a WireMock stub -, a network timeout, no silent retries, idempotency keys per local subscription).
 * A customer per subscribing user, a subscription on the plan's Stripe Price created {@code default_incomplete}:
 * it turns active when Stripe reports the first invoice paid (webhook).
 */
@ApplicationScoped
public class StripeBilling {

    private static final Logger LOG = Logger.getLogger(StripeBilling.class.getName());

    @Inject
    BillingSettings settings;

    private volatile StripeClient client;

    public String createCustomer(String userId, String email, String idempotencyKey) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder().putMetadata("userId", userId);
        if (email != null) {
            params.setEmail(email);
        }
        try {
            Customer customer = client().v1().customers().create(params.build(),
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
            return customer.getId();
        } catch (StripeException e) {
            throw failure("create the customer", e);
        }
    }

    public Subscription createSubscription(String customerId, String stripePrice, String subscriptionId, String userId,
                                           String plan) {
        SubscriptionCreateParams params = SubscriptionCreateParams.builder().setCustomer(customerId)
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(stripePrice).build())
                .setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.DEFAULT_INCOMPLETE)
                .putMetadata("subscriptionId", subscriptionId).putMetadata("userId", userId).putMetadata("plan", plan)
                .build();
        try {
            return client().v1().subscriptions().create(params,
                    RequestOptions.builder().setIdempotencyKey("subscription-" + subscriptionId).build());
        } catch (StripeException e) {
            throw failure("create the subscription", e);
        }
    }

    public void cancelAtPeriodEnd(String stripeSubscriptionId) {
        try {
            client().v1().subscriptions().update(stripeSubscriptionId,
                    SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
        } catch (StripeException e) {
            throw failure("cancel the subscription", e);
        }
    }

    private static ApiException failure(String what, StripeException e) {
        LOG.warning(() -> "Stripe could not " + what + ": " + e.getMessage());
        Integer status = e.getStatusCode();
        if (status != null && status >= 400 && status < 500 && status != 429) {
            return new ApiException(502, "provider-refused", "Bad Gateway", "Stripe refused to " + what);
        }
        return ApiException.unavailable("Stripe is not available; try again shortly");
    }

    private StripeClient client() {
        StripeClient current = client;
        if (current == null) {
            String key = settings.apiKey().orElseThrow(() ->
                    ApiException.unavailable("Stripe Billing is not configured on this server (stripe.api-key)"));
            current = StripeClient.builder().setApiKey(key).setApiBase(settings.apiBase())
                    .setConnectTimeout(settings.timeoutMs()).setReadTimeout(settings.timeoutMs())
                    .setMaxNetworkRetries(0).build();
            client = current;
        }
        return current;
    }
}
