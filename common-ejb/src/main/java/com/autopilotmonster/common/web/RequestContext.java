package com.autopilotmonster.common.web;

/**
 * The current request's id and path, for error bodies and log lines. Set by {@link RequestIdFilter} on the
 * request thread and cleared when the request ends.
 */
public final class RequestContext {

    private static final ThreadLocal<String[]> CURRENT = new ThreadLocal<>();

    private RequestContext() {
    }

    static void set(String requestId, String path) {
        set(requestId, path, null);
    }

    /** @param trace the request's trace and span id ("trace=... span=..."), null without telemetry */
    static void set(String requestId, String path, String trace) {
        CURRENT.set(new String[] {requestId, path, trace});
    }

    /**
     * Records the request's trace once it is known: mpTelemetry opens the server span after the servlet filters,
     * so {@link RequestIdFilter} sees none and the JAX-RS {@link TraceIdFilter} (or the gateway's proxy) adds it.
     * @return the trace id, or null when the request is not traced or not a request
     */
    public static String traced(String traceparent) {
        String[] current = CURRENT.get();
        String[] ids = RequestIdFilter.traceAndSpan(traceparent);
        if (current == null || ids == null) {
            return null;
        }
        current[2] = "trace=" + ids[0] + " span=" + ids[1];
        return ids[0];
    }

    static void clear() {
        CURRENT.remove();
    }

    /**
     * This request's context, to be bound on the thread that finishes the request (an asynchronous servlet answers
     * from the HTTP client's thread): its error bodies and log lines then carry the request's id, path and trace.
     * @return the context to bind there; binding it does nothing when this thread serves no request
     */
    public static Carried carry() {
        String[] current = CURRENT.get();
        return new Carried(current == null ? null : current.clone());
    }

    /** A request's context taken from its thread by {@link #carry()}. */
    public static final class Carried {
        private final String[] ids;

        private Carried(String[] ids) {
            this.ids = ids;
        }

        /** Makes the request's context current on this thread until the returned binding is closed. */
        public Binding bind() {
            String[] prior = CURRENT.get();
            if (ids == null) {
                return () -> { };
            }
            CURRENT.set(ids);
            return () -> {
                if (prior == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(prior);
                }
            };
        }
    }

    /** The scope of a {@link Carried#bind()}: closing it restores what the thread had before. */
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    public static String requestId() {
        String[] current = CURRENT.get();
        return current == null ? null : current[0];
    }

    public static String path() {
        String[] current = CURRENT.get();
        return current == null ? null : current[1];
    }

    /**
     * "[req-id] message" for log lines written while serving a request - "[req-id trace=... span=...] message" when
     * the request is traced, so a text log line leads to its trace too; the message alone otherwise.
     */
    public static String tag(String message) {
        String[] current = CURRENT.get();
        if (current == null) {
            return message;
        }
        return "[" + current[0] + (current[2] == null ? "" : " " + current[2]) + "] " + message;
    }
}
