package com.autopilotmonster.common.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Accepts a well-formed {@code X-Request-Id} (so a gateway's id follows the request) or makes one,
 * echoes it on the answer and makes it available to error bodies and log lines. The trace id joins it later
 * ({@link TraceIdFilter}): mpTelemetry opens the request's server span after the servlet filters.
 */
@WebFilter(filterName = "requestId", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestIdFilter extends HttpFilter implements jakarta.servlet.Filter {

    public static final String HEADER = "X-Request-Id";
    public static final String TRACE_HEADER = "X-Trace-Id";
    public static final String ATTRIBUTE = RequestIdFilter.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = acceptOrCreate(request.getHeader(HEADER));
            request.setAttribute(ATTRIBUTE, id);
        }
        response.setHeader(HEADER, id);
        RequestContext.set(id, request.getRequestURI(), null);
        try {
            chain.doFilter(request, response);
        } finally {
            RequestContext.clear();
        }
    }

    /**
     * Trace and span id from a W3C traceparent; null when there is none or it is malformed.
     */
    static String[] traceAndSpan(String traceparent) {
        var matcher = traceparent == null ? null : TRACEPARENT.matcher(traceparent);
        return matcher != null && matcher.matches() ? new String[] {matcher.group(1), matcher.group(2)} : null;
    }

    /** Ids from outside are echoed into headers and logs, so only a safe alphabet is taken over. */
    static String acceptOrCreate(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
