package com.autopilotmonster.vendor.domain;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.TransferCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pays a vendor: a Stripe Connect transfer from the platform's balance to the vendor's connected account
 * ({@code stripe-java}, idempotency key = payout id, so a retried "paid" never transfers twice). Mode
 * {@code payouts.mode} ({@code PAYOUTS_MODE}): {@code live} or {@code sandbox}; unset, it is live when
 * {@code STRIPE_API_KEY} is configured and sandbox otherwise. Sandbox transfers nothing and answers a local id.
 */
@ApplicationScoped
public class StripeConnect {

    private static final Logger LOG = Logger.getLogger(StripeConnect.class.getName());

    @Inject
    @ConfigProperty(name = "payouts.mode")
    Optional<String> mode;

    @Inject
    @ConfigProperty(name = "stripe.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "stripe.api-base", defaultValue = "https://api.stripe.com")
    String apiBase;

    @Inject
    @ConfigProperty(name = "payouts.provider-timeout-ms", defaultValue = "10000")
    int timeoutMs;

    private volatile StripeClient client;

    public static final class TransferFailed extends Exception {
        public TransferFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (sandbox()) {
            LOG.warning("payouts.mode=sandbox: payouts are NOT transferred through Stripe Connect; never use in production");
        } else {
            LOG.info(() -> "payouts.mode=live: Stripe Connect transfers through " + apiBase);
        }
    }

    public boolean sandbox() {
        String m = mode.map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).orElse(null);
        if (m != null) {
            return "sandbox".equals(m);
        }
        return key().isEmpty();
    }

    private Optional<String> key() {
        return apiKey.filter(s -> !s.isBlank());
    }

    /** @return the transfer id */
    public String transfer(String payoutId, String vendorId, String destination, long amountCents, String currency)
            throws TransferFailed {
        if (sandbox()) {
            return "tr_sandbox_" + UUID.nameUUIDFromBytes(payoutId.getBytes()).toString().replace("-", "");
        }
        if (destination == null || destination.isBlank()) {
            throw new TransferFailed("the vendor has no Stripe Connect account", null);
        }
        TransferCreateParams params = TransferCreateParams.builder().setAmount(amountCents)
                .setCurrency(currency.toLowerCase(Locale.ROOT)).setDestination(destination).setTransferGroup(payoutId)
                .putMetadata("payoutId", payoutId).putMetadata("vendorId", vendorId).build();
        try {
            Transfer transfer = client().v1().transfers().create(params,
                    RequestOptions.builder().setIdempotencyKey("payout-" + payoutId).build());
            return transfer.getId();
        } catch (StripeException e) {
            throw new TransferFailed("Stripe refused the transfer: " + e.getMessage(), e);
        }
    }

    private StripeClient client() throws TransferFailed {
        StripeClient current = client;
        if (current == null) {
            String key = key().orElseThrow(() -> new TransferFailed("Stripe is not configured (stripe.api-key)", null));
            current = StripeClient.builder().setApiKey(key).setApiBase(apiBase).setConnectTimeout(timeoutMs)
                    .setReadTimeout(timeoutMs).setMaxNetworkRetries(0).build();
            client = current;
        }
        return current;
    }
}
