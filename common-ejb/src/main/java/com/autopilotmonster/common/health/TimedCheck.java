package com.autopilotmonster.common.health;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Runs a dependency probe with a hard deadline, so a hung store turns a probe DOWN instead of hanging it.
 * The probe threads are daemons of their own: a stuck client call cannot exhaust the server's pool.
 */
final class TimedCheck {

    private static final ExecutorService PROBES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-probe");
        t.setDaemon(true);
        return t;
    });

    private TimedCheck() {
    }

    /** Runs {@code work} on a probe thread, not the caller's. */
    static void inBackground(Runnable work) {
        PROBES.execute(work);
    }

    static HealthCheckResponse run(String name, long timeoutMs, Callable<String> probe) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name);
        long start = System.nanoTime();
        Future<String> result = PROBES.submit(probe);
        try {
            String detail = result.get(timeoutMs, TimeUnit.MILLISECONDS);
            builder.up().withData("target", detail);
        } catch (java.util.concurrent.TimeoutException e) {
            result.cancel(true);
            builder.down().withData("error", "no answer within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().withData("error", "interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            builder.down().withData("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return builder.withData("latencyMs", (System.nanoTime() - start) / 1_000_000).build();
    }
}
