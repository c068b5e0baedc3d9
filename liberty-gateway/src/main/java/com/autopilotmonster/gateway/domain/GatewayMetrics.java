package com.autopilotmonster.gateway.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The gateway's metrics (MicroProfile Metrics, Prometheus at /metrics on the management port):
 * {@code gateway_rate_limit_refusals_total{rule}} (429 answers, by the rule that refused) and
 * {@code gateway_circuit_breaker_state{route, state}} (1 for the breaker's current state - closed, open,
 * half_open - 0 for the others; the gateway's breakers are per route, its own, so MicroProfile Fault Tolerance's
 * {@code ft_circuitbreaker_*} metrics do not cover them). The gauges read the breaker when scraped.
 */
@ApplicationScoped
public class GatewayMetrics {

    public static final String REFUSALS = "gateway_rate_limit_refusals";
    public static final String BREAKER_STATE = "gateway_circuit_breaker_state";

    @Inject
    MetricRegistry registry;

    @Inject
    RouteTable routes;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Metadata state = Metadata.builder().withName(BREAKER_STATE)
                .withDescription("1 if the route's circuit breaker is in this state, else 0").build();
        for (Route route : routes.all()) {
            for (CircuitBreaker.State each : CircuitBreaker.State.values()) {
                registry.gauge(state, route.breaker(), b -> b.state() == each ? 1 : 0, new Tag("route", route.name()),
                        new Tag("state", each.name().toLowerCase(Locale.ROOT)));
            }
        }
    }

    /** One request refused with 429 by {@code rule}. */
    public void refused(String rule) {
        registry.counter(REFUSALS, new Tag("rule", rule)).inc();
    }
}
