package com.autopilotmonster.auth.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the configured bootstrap admin was refused (its email belongs to an existing account, which is never
 * promoted): a misconfiguration an operator must see, not a log line that scrolls by.
 */
@Readiness
@ApplicationScoped
public class BootstrapAdminReadiness implements HealthCheck {

    @Inject
    BootstrapAdmin bootstrapAdmin;

    @Override
    public HealthCheckResponse call() {
        String refusal = bootstrapAdmin.refusal();
        return new HealthCheckResponse("bootstrap-admin",
                refusal == null ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(Map.of("detail", refusal == null ? "ok" : refusal)));
    }
}
