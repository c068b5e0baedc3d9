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
        CURRENT.set(new String[] {requestId, path});
    }

    static void clear() {
        CURRENT.remove();
    }

    public static String requestId() {
        String[] current = CURRENT.get();
        return current == null ? null : current[0];
    }

    public static String path() {
        String[] current = CURRENT.get();
        return current == null ? null : current[1];
    }

    /** "[req-id] message" for log lines written while serving a request; the message alone otherwise. */
    public static String tag(String message) {
        String id = requestId();
        return id == null ? message : "[" + id + "] " + message;
    }
}
