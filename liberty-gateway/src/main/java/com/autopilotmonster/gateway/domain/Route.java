package com.autopilotmonster.gateway.domain;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A path prefix and the instances that serve it, with the route's own bulkhead (concurrent calls) and
 * circuit breaker, so one slow or dead service cannot tie up the gateway for the others.
 */
public final class Route {

    private final String name;
    private final String prefix;
    private final List<String> prefixes;
    private final List<Upstream> upstreams;
    private final AtomicInteger next = new AtomicInteger();
    private final Semaphore bulkhead;
    private final CircuitBreaker breaker;

    public Route(String name, String prefix, List<Upstream> upstreams, int maxConcurrent, CircuitBreaker breaker) {
        this(name, List.of(prefix), upstreams, maxConcurrent, breaker);
    }

    /** A service that owns several path prefixes (the order service also answers the client's {@code /api/stats}). */
    public Route(String name, List<String> prefixes, List<Upstream> upstreams, int maxConcurrent, CircuitBreaker breaker) {
        this.name = name;
        this.prefix = prefixes.get(0);
        this.prefixes = List.copyOf(prefixes);
        this.upstreams = List.copyOf(upstreams);
        this.bulkhead = new Semaphore(maxConcurrent);
        this.breaker = breaker;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    public List<Upstream> upstreams() {
        return upstreams;
    }

    public Semaphore bulkhead() {
        return bulkhead;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public boolean matches(String path) {
        for (String owned : prefixes) {
            if (path.equals(owned) || path.startsWith(owned + "/")) {
                return true;
            }
        }
        return false;
    }

    /** Round robin over the instances that are not ejected; null when none is available. */
    public Upstream pick() {
        long now = System.nanoTime();
        int size = upstreams.size();
        int start = Math.floorMod(next.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            Upstream candidate = upstreams.get((start + i) % size);
            if (candidate.available(now)) {
                return candidate;
            }
        }
        return null;
    }

    /** The next available instance other than the one that just failed, for an idempotent retry. */
    public Upstream pickOtherThan(Upstream failed) {
        for (int i = 0; i < upstreams.size(); i++) {
            Upstream candidate = pick();
            if (candidate == null || candidate != failed) {
                return candidate;
            }
        }
        return null;
    }
}
