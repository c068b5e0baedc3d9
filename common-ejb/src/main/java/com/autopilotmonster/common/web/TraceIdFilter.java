package com.autopilotmonster.common.web;

import com.autopilotmonster.common.trace.Tracing;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a traced request's trace id in {@code X-Trace-Id} and adds trace and span id to its log lines
 * ({@link RequestContext#tag}): a client can quote the id, and the access log (base.xml) records it next to the
 * request id, so a text or JSON access-log line leads to the trace. A JAX-RS filter and the last of them on the
 * way in, because mpTelemetry's server span is current only from its own JAX-RS filter on.
 */
@Provider
@Priority(Integer.MAX_VALUE - 100)
public class TraceIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Trace-Id";
    private static final String PROPERTY = TraceIdFilter.class.getName();

    @Inject
    Tracing tracing;

    @Override
    public void filter(ContainerRequestContext request) {
        String traceId = RequestContext.traced(tracing.current().get("traceparent"));
        if (traceId != null) {
            request.setProperty(PROPERTY, traceId);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object traceId = request.getProperty(PROPERTY);
        if (traceId != null) {
            response.getHeaders().putSingle(HEADER, traceId);
        }
    }
}
