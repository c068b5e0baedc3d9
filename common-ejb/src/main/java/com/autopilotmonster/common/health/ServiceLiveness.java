package com.autopilotmonster.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the JVM has heap to work with. Dependencies never make liveness fail: a restart would not
 * bring a dead database back, readiness covers them.
 */
@Liveness
@ApplicationScoped
public class ServiceLiveness implements HealthCheck {

    private static final double MAX_HEAP_USE = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        double ratio = (double) used / rt.maxMemory();
        return HealthCheckResponse.named("heap").status(ratio < MAX_HEAP_USE)
                .withData("usedMiB", used / 1_048_576).withData("maxMiB", rt.maxMemory() / 1_048_576).build();
    }
}
