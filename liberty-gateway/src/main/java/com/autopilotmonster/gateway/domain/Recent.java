package com.autopilotmonster.gateway.domain;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The last result of an expensive computation, reused for a short time, with one computation at a time:
 * the gateway's public /health and /openapi fan out to every service, and must not multiply a burst of
 * anonymous requests into a burst on every service.
 */
public final class Recent<T> {

    private final long ttlNanos;
    private volatile T value;
    private volatile long computedAt;

    public Recent(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    public T get(Supplier<T> compute) {
        T current = value;
        if (current != null && fresh()) {
            return current;
        }
        synchronized (this) {
            // callers that waited here take the result the first one computed
            if (value != null && fresh()) {
                return value;
            }
            T computed = compute.get();
            value = computed;
            computedAt = System.nanoTime();
            return computed;
        }
    }

    private boolean fresh() {
        return System.nanoTime() - computedAt < ttlNanos;
    }
}
