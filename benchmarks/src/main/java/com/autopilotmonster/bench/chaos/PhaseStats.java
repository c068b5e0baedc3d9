package com.autopilotmonster.bench.chaos;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the checkout load saw during one phase of the suite: requests and their failures, by kind. */
final class PhaseStats {

    /** A request that exceeded the client's timeout: it hung (the suite's "no request hangs" check). */
    static final String TIMEOUT = "timeout";
    /** Connection refused or reset: the server was not there (expected while a server is killed). */
    static final String CONNECTION = "conn";

    final String fault;
    final Instant start;
    volatile Instant end;
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, AtomicLong> errors = new TreeMap<>();
    /** The first failed request of each kind: what it called and the start of the answer, for the report. */
    private final Map<String, String> samples = new TreeMap<>();

    PhaseStats(String fault) {
        this.fault = fault;
        this.start = Instant.now();
    }

    void ok() {
        requests.incrementAndGet();
    }

    /**
     * @param kind   the HTTP status, {@link #TIMEOUT} or {@link #CONNECTION}
     * @param sample the request and the start of its answer or error
     */
    void failed(String kind, String sample) {
        requests.incrementAndGet();
        synchronized (errors) {
            errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            samples.putIfAbsent(kind, sample.length() > 220 ? sample.substring(0, 220) + "..." : sample);
        }
    }

    Map<String, String> samples() {
        synchronized (errors) {
            return new TreeMap<>(samples);
        }
    }

    long requests() {
        return requests.get();
    }

    long hung() {
        synchronized (errors) {
            AtomicLong n = errors.get(TIMEOUT);
            return n == null ? 0 : n.get();
        }
    }

    /** e.g. "503x12 conn x3", or "none". */
    String errorsByStatus() {
        synchronized (errors) {
            if (errors.isEmpty()) {
                return "none";
            }
            StringBuilder text = new StringBuilder();
            errors.forEach((kind, n) -> text.append(text.isEmpty() ? "" : " ").append(kind).append('x').append(n.get()));
            return text.toString();
        }
    }

    boolean covers(Instant instant) {
        Instant until = end;
        return !instant.isBefore(start) && (until == null || instant.isBefore(until));
    }
}
