package com.autopilotmonster.gateway.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the rate limiter's state in the gateway's readiness data. It stays UP when Redis is gone: the gateway
 * then serves without limits (fail open) rather than taking the whole API down with its cache.
 */
@Readiness
@ApplicationScoped
public class RateLimiterHealth implements HealthCheck {

    @Inject
    RateLimiter limiter;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rate-limiter").up()
                .withData("mode", limiter.degraded() ? "fail-open (Redis unavailable)" : "enforcing").build();
    }
}
