package com.autopilotmonster.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import jakarta.inject.Inject;

/** Started once the application's CDI container is up (its start-up observers have run). */
@Startup
@ApplicationScoped
public class ServiceStarted implements HealthCheck {

    @Inject
    @ConfigProperty(name = "platform.service.name", defaultValue = "autopilot")
    String service;

    private volatile boolean started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(service).status(started).build();
    }
}
