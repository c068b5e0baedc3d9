package com.autopilotmonster.gateway.domain;

/**
 * Per-route breaker: after {@code failureThreshold} consecutive failures it opens and refuses calls at once
 * for {@code openNanos}; then one trial call is let through (half-open): success closes it, failure opens
 * it again. (MicroProfile Fault Tolerance keys its breakers by method, not by a route chosen at run time.)
 */
public final class CircuitBreaker {

    /** The breaker's state, for health data and tests. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private int consecutiveFailures;
    private long openedAt;
    private State state = State.CLOSED;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, long openNanos) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openNanos;
    }

    public synchronized boolean allowRequest() {
        if (state == State.OPEN && System.nanoTime() - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.HALF_OPEN && !trialInFlight) {
            trialInFlight = true;
            return true;
        }
        return false;
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        state = State.CLOSED;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = System.nanoTime();
            trialInFlight = false;
        }
    }

    public synchronized State state() {
        if (state == State.OPEN && System.nanoTime() - openedAt >= openNanos) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** Seconds until an open breaker lets a trial through (for Retry-After). */
    public synchronized long secondsUntilTrial() {
        long remaining = openNanos - (System.nanoTime() - openedAt);
        return Math.max(1, remaining / 1_000_000_000L);
    }
}
