package com.autopilotmonster.user.domain;

import com.autopilotmonster.common.security.SandboxGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stripe Billing settings, the same keys and the same sandbox switch as the order service:
 * {@code STRIPE_API_KEY}, {@code STRIPE_WEBHOOK_SECRET} (this endpoint's own signing secret), {@code STRIPE_API_BASE};
 * {@code PAYMENTS_MODE=sandbox} (local runs only) replaces Stripe's API by local ids and signs the events Stripe
 * would send with the sandbox secret, handled by the same webhook code.
 */
@ApplicationScoped
public class BillingSettings {

    private static final Logger LOG = Logger.getLogger(BillingSettings.class.getName());

    @Inject
    @ConfigProperty(name = "payments.mode", defaultValue = "live")
    String mode;

    @Inject
    @ConfigProperty(name = "payments.sandbox.webhook-secret", defaultValue = "whsec_autopilot_sandbox_local_only")
    String sandboxSecret;

    @Inject
    @ConfigProperty(name = "stripe.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "stripe.billing-webhook-secret")
    Optional<String> billingWebhookSecret;

    @Inject
    @ConfigProperty(name = "stripe.webhook-secret")
    Optional<String> webhookSecret;

    @Inject
    @ConfigProperty(name = "stripe.api-base", defaultValue = "https://api.stripe.com")
    String apiBase;

    @Inject
    @ConfigProperty(name = "stripe.webhook-tolerance-seconds", defaultValue = "300")
    long tolerance;

    @Inject
    @ConfigProperty(name = "payments.provider-timeout-ms", defaultValue = "10000")
    int timeoutMs;

    /** Where the HTTP endpoint listens (server variable / HTTP_HOST; base.xml's default is every interface). */
    @Inject
    @ConfigProperty(name = "http.host")
    Optional<String> httpHost;

    /**
     * Says loudly at start-up which mode this server is in; sandbox mode (committed webhook secret, subscriptions
     * activated without Stripe) refuses to start with a live Stripe key or listening beyond loopback.
     */
    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        SandboxGuard.refuseUnsafeSandbox(sandbox(), httpHost, liveKeys());
        if (sandbox()) {
            LOG.warning("payments.mode=sandbox: Stripe Billing is NOT called and webhooks are verified with the sandbox "
                    + "secret; never use this mode in production");
        } else {
            LOG.info(() -> "payments.mode=live: Stripe Billing " + (apiKey().isPresent() ? "configured" : "NOT configured")
                    + " (" + apiBase + ")");
        }
    }

    /** The provider keys whose live values mean real money (refused in sandbox mode). */
    List<SandboxGuard.LiveKey> liveKeys() {
        return List.of(new SandboxGuard.LiveKey("Stripe", "stripe.api-key", apiKey(), List.of("sk_live_", "rk_live_")));
    }

    public boolean sandbox() {
        return "sandbox".equals(mode.trim().toLowerCase(Locale.ROOT));
    }

    public Optional<String> apiKey() {
        return apiKey.filter(s -> !s.isBlank());
    }

    /** {@code stripe.billing-webhook-secret}, else {@code stripe.webhook-secret}; the sandbox secret in sandbox mode. */
    public Optional<String> webhookSecret() {
        if (sandbox()) {
            return Optional.of(sandboxSecret);
        }
        return billingWebhookSecret.filter(s -> !s.isBlank()).or(() -> webhookSecret.filter(s -> !s.isBlank()));
    }

    public String sandboxSecret() {
        return sandboxSecret;
    }

    public String apiBase() {
        return apiBase;
    }

    public long tolerance() {
        return tolerance;
    }

    public int timeoutMs() {
        return timeoutMs;
    }
}
