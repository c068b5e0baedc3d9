package com.autopilotmonster.gateway.domain;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance behind a route. An instance that fails (connection refused, timeout, 5xx from a dead
 * server) is ejected for a while; the prober or the ejection's expiry brings it back.
 */
public final class Upstream {

    private final URI base;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long ejectedUntilNanos;

    public Upstream(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public boolean available(long nowNanos) {
        return nowNanos >= ejectedUntilNanos;
    }

    public void eject(long forNanos) {
        ejectedUntilNanos = System.nanoTime() + forNanos;
    }

    public void restore() {
        ejectedUntilNanos = 0;
    }

    public boolean ejected() {
        return !available(System.nanoTime());
    }

    public int inFlight() {
        return inFlight.get();
    }

    public void enter() {
        inFlight.incrementAndGet();
    }

    public void leave() {
        inFlight.decrementAndGet();
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
