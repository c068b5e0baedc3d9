package com.autopilotmonster.common.health;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A dependency probe answered from its last result, asked again in the background once that result is older than
 * the refresh period. Asking inline made every readiness probe wait out the dependency's deadline (2 s) whenever
 * the dependency was down or the machine saturated - longer than a probe's own timeout (Kubernetes: 1 s), so
 * probes counted a serving server as not ready and a dead store as "no answer" instead of DOWN (README "Fault
 * suite"). Only the very first call waits for an answer; a change is seen within refresh + deadline.
 */
public final class LastAnswer {

    private final Supplier<HealthCheckResponse> ask;
    private final long refreshNanos;
    private final AtomicBoolean asking = new AtomicBoolean();
    private volatile HealthCheckResponse last;
    private volatile long lastAt;

    /** {@code ask} runs with its own deadline ({@link TimedCheck#run}) and never throws. */
    LastAnswer(long refreshMs, Supplier<HealthCheckResponse> ask) {
        this.ask = ask;
        this.refreshNanos = refreshMs * 1_000_000L;
    }

    public HealthCheckResponse get() {
        HealthCheckResponse answer = last;
        if (answer == null) {
            return askNow();
        }
        if (System.nanoTime() - lastAt > refreshNanos && asking.compareAndSet(false, true)) {
            TimedCheck.inBackground(() -> {
                try {
                    askNow();
                } finally {
                    asking.set(false);
                }
            });
        }
        return answer;
    }

    private HealthCheckResponse askNow() {
        HealthCheckResponse answer = ask.get();
        last = answer;
        lastAt = System.nanoTime();
        return answer;
    }
}
