package com.autopilotmonster.common.health;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Started once the application's CDI container is up (its start-up observers have run). */
@Startup
@ApplicationScoped
public class ServiceStarted implements HealthCheck {

    @Inject
    @ConfigProperty(name = "platform.service.name", defaultValue = "autopilot")
    String service;

    private volatile boolean started;

    /** After every other start-up observer, the warm-ups ({@code Warmups}) included. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) @Initialized(ApplicationScoped.class)
                 Object ignored) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(service).status(started).build();
    }
}
