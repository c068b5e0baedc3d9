package com.autopilotmonster.common.web;

import com.autopilotmonster.common.trace.Tracing;
import jakarta.inject.Inject;
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
 * echoes it on the answer and makes it available to error bodies and log lines.
 */
@WebFilter(filterName = "requestId", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestIdFilter extends HttpFilter implements jakarta.servlet.Filter {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdFilter.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

    @Inject
    Tracing tracing;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = acceptOrCreate(request.getHeader(HEADER));
            request.setAttribute(ATTRIBUTE, id);
        }
        response.setHeader(HEADER, id);
        RequestContext.set(id, request.getRequestURI(), trace());
        try {
            chain.doFilter(request, response);
        } finally {
            RequestContext.clear();
        }
    }

    /** The request's server span (Liberty's telemetry filter runs before this one), for log lines. */
    private String trace() {
        String traceparent = tracing == null ? null : tracing.current().get("traceparent");
        var matcher = traceparent == null ? null : TRACEPARENT.matcher(traceparent);
        return matcher != null && matcher.matches() ? "trace=" + matcher.group(1) + " span=" + matcher.group(2) : null;
    }

    /** Ids from outside are echoed into headers and logs, so only a safe alphabet is taken over. */
    static String acceptOrCreate(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
