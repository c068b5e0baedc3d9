package com.autopilotmonster.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The order service's business metrics (MicroProfile Metrics, application scope, Prometheus at /metrics):
 * {@code orders_created_total}, {@code orders_paid_total}, {@code orders_payment_failed_total},
 * {@code orders_refunded_total} by {@code currency} and {@code provider}; {@code checkout_duration_seconds} (a
 * timer with histogram buckets, by {@code outcome}); {@code payment_webhooks_total} by {@code provider} and
 * {@code outcome}. Each update is one registry lookup and an atomic add: nothing measurable per request.
 */
@ApplicationScoped
public class OrderMetrics {

    /** Counter names (the Prometheus output adds {@code _total}). */
    public static final String CREATED = "orders_created";
    public static final String PAID = "orders_paid";
    public static final String FAILED = "orders_payment_failed";
    public static final String REFUNDED = "orders_refunded";
    public static final String CHECKOUT = "checkout_duration";
    public static final String WEBHOOKS = "payment_webhooks";

    private static final Metadata CHECKOUT_TIMER = Metadata.builder().withName(CHECKOUT)
            .withDescription("Time to place an order (pricing, coupon, write), by outcome")
            .withUnit(MetricUnits.SECONDS).build();

    @Inject
    MetricRegistry registry;

    public void created(Order order) {
        count(CREATED, order.currency(), order.paymentMethod());
    }

    public void paid(Order order, String provider) {
        count(PAID, order.currency(), provider);
    }

    public void paymentFailed(Order order, String provider) {
        count(FAILED, order.currency(), provider);
    }

    public void refunded(Order order, String provider) {
        count(REFUNDED, order.currency(), provider);
    }

    /** A checkout's outcomes, the {@code outcome} tag of {@link #CHECKOUT}. */
    public static final List<String> CHECKOUT_OUTCOMES = List.of("created", "refused", "error");

    /**
     * Registers the checkout timer of every outcome before the first checkout: a timer's first registration builds
     * its histogram under the registry's lock, and on a standby that had just taken over (fault suite, 2026-11-29)
     * every checkout waited seconds behind it. Series that exist from the start also give rates at once.
     */
    public void registerCheckoutTimers() {
        CHECKOUT_OUTCOMES.forEach(outcome -> registry.timer(CHECKOUT_TIMER, new Tag("outcome", outcome)));
    }

    /** @param outcome {@code created}, {@code refused} (a 4xx: empty cart, bad coupon, ...) or {@code error} */
    public void checkout(Duration took, String outcome) {
        registry.timer(CHECKOUT_TIMER, new Tag("outcome", outcome)).update(took);
    }

    /** @param outcome the handling's outcome ({@code applied}, {@code duplicate}, ...), {@code rejected} or {@code error} */
    public void webhook(String provider, String outcome) {
        registry.counter(WEBHOOKS, new Tag("provider", provider), new Tag("outcome", outcome)).inc();
    }

    private void count(String name, String currency, String provider) {
        registry.counter(name, new Tag("currency", tagValue(currency).toUpperCase(Locale.ROOT)),
                new Tag("provider", tagValue(provider))).inc();
    }

    private static String tagValue(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }
}
