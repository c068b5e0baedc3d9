package com.autopilotmonster.order.domain;

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
 * Where the payment providers are and how their webhooks are verified (env: {@code STRIPE_API_KEY},
 * {@code STRIPE_WEBHOOK_SECRET}, {@code RAZORPAY_KEY_ID}, ...). {@code payments.mode}
 * ({@code PAYMENTS_MODE}) is {@code live} unless set: only an explicit {@code sandbox} - the local run
 * sets it, production never should - replaces the provider APIs by local ids and verifies webhooks with
 * the sandbox secret, so a person can check out without provider keys through the same webhook code.
 */
@ApplicationScoped
public class PaymentSettings {

    private static final Logger LOG = Logger.getLogger(PaymentSettings.class.getName());

    @Inject
    @ConfigProperty(name = "payments.mode", defaultValue = "live")
    String mode;

    @Inject
    @ConfigProperty(name = "payments.sandbox.webhook-secret", defaultValue = "whsec_autopilot_sandbox_local_only")
    String sandboxSecret;

    @Inject
    @ConfigProperty(name = "stripe.api-key")
    Optional<String> stripeApiKey;

    @Inject
    @ConfigProperty(name = "stripe.webhook-secret")
    Optional<String> stripeWebhookSecret;

    @Inject
    @ConfigProperty(name = "stripe.api-base", defaultValue = "https://api.stripe.com")
    String stripeApiBase;

    /** Stripe's own default: events signed more than 5 minutes ago are refused (replay protection). */
    @Inject
    @ConfigProperty(name = "stripe.webhook-tolerance-seconds", defaultValue = "300")
    long stripeTolerance;

    @Inject
    @ConfigProperty(name = "razorpay.key-id")
    Optional<String> razorpayKeyId;

    @Inject
    @ConfigProperty(name = "razorpay.key-secret")
    Optional<String> razorpayKeySecret;

    @Inject
    @ConfigProperty(name = "razorpay.webhook-secret")
    Optional<String> razorpayWebhookSecret;

    @Inject
    @ConfigProperty(name = "razorpay.api-base", defaultValue = "https://api.razorpay.com")
    String razorpayApiBase;

    /** Where the HTTP endpoint listens (server variable / HTTP_HOST; base.xml's default is every interface). */
    @Inject
    @ConfigProperty(name = "http.host")
    Optional<String> httpHost;

    /** Razorpay retries a webhook for 24 h; an event created longer ago than this (25 h) is a replay. */
    @Inject
    @ConfigProperty(name = "razorpay.webhook-max-age-seconds", defaultValue = "90000")
    long razorpayMaxAgeSeconds;

    @Inject
    @ConfigProperty(name = "payments.provider-timeout-ms", defaultValue = "10000")
    int providerTimeoutMs;

    /** Says loudly at start-up which mode this server is in, so a sandbox server is never mistaken for live. */
    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        SandboxGuard.refuseUnsafeSandbox(sandbox(), httpHost, liveKeys());
        if (sandbox()) {
            LOG.warning("payments.mode=sandbox: Stripe and Razorpay are NOT called and webhooks are verified with the "
                    + "sandbox secret; never use this mode in production");
        } else {
            LOG.info(() -> "payments.mode=live: Stripe " + (stripeApiKey().isPresent() ? "configured" : "NOT configured")
                    + " (" + stripeApiBase + "), Razorpay " + (razorpayKeyId().isPresent() ? "configured" : "NOT configured")
                    + " (" + razorpayApiBase + ")");
        }
    }

    /** The provider keys whose live values mean real money (refused in sandbox mode). */
    List<SandboxGuard.LiveKey> liveKeys() {
        return List.of(new SandboxGuard.LiveKey("Stripe", "stripe.api-key", stripeApiKey(), List.of("sk_live_", "rk_live_")),
                new SandboxGuard.LiveKey("Razorpay", "razorpay.key-id", razorpayKeyId(), List.of("rzp_live_")));
    }

    public boolean sandbox() {
        return "sandbox".equals(mode.trim().toLowerCase(Locale.ROOT));
    }

    public Optional<String> stripeApiKey() {
        return stripeApiKey.filter(s -> !s.isBlank());
    }

    public Optional<String> stripeWebhookSecret() {
        return sandbox() ? Optional.of(sandboxSecret) : stripeWebhookSecret.filter(s -> !s.isBlank());
    }

    public String stripeApiBase() {
        return stripeApiBase;
    }

    public long stripeTolerance() {
        return stripeTolerance;
    }

    public Optional<String> razorpayKeyId() {
        return razorpayKeyId.filter(s -> !s.isBlank());
    }

    public Optional<String> razorpayKeySecret() {
        return razorpayKeySecret.filter(s -> !s.isBlank());
    }

    public Optional<String> razorpayWebhookSecret() {
        return sandbox() ? Optional.of(sandboxSecret) : razorpayWebhookSecret.filter(s -> !s.isBlank());
    }

    public String razorpayApiBase() {
        return razorpayApiBase;
    }

    public long razorpayMaxAgeSeconds() {
        return razorpayMaxAgeSeconds;
    }

    public int providerTimeoutMs() {
        return providerTimeoutMs;
    }

    public String sandboxSecret() {
        return sandboxSecret;
    }
}
