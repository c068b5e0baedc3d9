package com.autopilotmonster.gateway.api;

import com.autopilotmonster.common.trace.SpanRole;
import com.autopilotmonster.common.trace.TraceSpan;
import com.autopilotmonster.common.trace.Tracing;
import com.autopilotmonster.common.web.TraceIdFilter;
import com.autopilotmonster.common.web.ClientAddresses;
import com.autopilotmonster.common.web.RequestContext;
import com.autopilotmonster.common.web.ServletProblems;
import com.autopilotmonster.gateway.domain.Route;
import com.autopilotmonster.gateway.domain.RouteTable;
import com.autopilotmonster.gateway.domain.RequestPath;
import com.autopilotmonster.gateway.domain.Upstream;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forwards everything under /api to the route's upstream instances: method, path, query, headers and the
 * body, streamed both ways (webhook bodies arrive byte for byte). Hop-by-hop headers are dropped,
 * X-Forwarded-* and X-Request-Id added, the trace context ({@code traceparent} of a client span per attempt, so
 * the upstream's spans join the request's trace) set, and X-Client-Address (the client address the gateway resolved) always
 * set, never passed on from outside. Routing and the forwarded path use the canonical path
 * ({@link CanonicalPath}), the one the rate limit counted. A dead instance is ejected and an idempotent call retried on
 * another; a dead, hanging or saturated route answers 502/503/504 problem+json quickly.
 */
@WebServlet(name = "proxy", urlPatterns = "/api/*", asyncSupported = false, loadOnStartup = 1)
public class ProxyServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ProxyServlet.class.getName());
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");
    private static final String CLIENT_ADDRESS = ClientAddresses.HEADER.toLowerCase(Locale.ROOT);
    /** A caller's trace headers are replaced by the gateway's own span (the server span already continued them). */
    private static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate");
    /** Liberty's telemetry names the answering span in this header (its access log reads it): the gateway's own,
     *  not the upstream's, belongs in the gateway's answer and access log. */
    private static final String UPSTREAM_SPAN = "io.openliberty.trace";
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
    /** Headers the gateway itself sets on every answer: the upstream's copy must not be appended twice. */
    private static final Set<String> OWN_HEADERS = Set.of("x-request-id", "x-content-type-options",
            "x-frame-options", "referrer-policy", "cache-control", "x-trace-id");

    @Inject
    RouteTable routes;

    @Inject
    EdgeTokenCheck edgeTokens;

    @Inject
    ClientIdentity clients;

    @Inject
    Tracing tracing;

    @Inject
    @ConfigProperty(name = "gateway.timeout-ms", defaultValue = "10000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "gateway.eject-ms", defaultValue = "10000")
    long ejectMs;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestPath canonical = CanonicalPath.of(request);
        if (canonical == null) {
            ServletProblems.write(response, 400, "bad-path", "Bad Request", "The request path is not acceptable");
            return;
        }
        Route route = routes.match(canonical.decoded()).orElse(null);
        if (route == null) {
            ServletProblems.write(response, 404, "not-found", "Not Found", "No service answers at this path");
            return;
        }
        // after rate limiting (a filter), so a flood of bad tokens is limited before it costs verifications
        if (edgeTokens.refuse(request, response)) {
            return;
        }
        if (!route.breaker().allowRequest()) {
            response.setHeader("Retry-After", Long.toString(route.breaker().secondsUntilTrial()));
            ServletProblems.write(response, 503, "circuit-open", "Service Unavailable",
                    "The " + route.name() + " service is failing; retry shortly");
            return;
        }
        if (!acquire(route)) {
            response.setHeader("Retry-After", "1");
            ServletProblems.write(response, 503, "busy", "Service Unavailable",
                    "Too many requests in flight to the " + route.name() + " service; retry shortly");
            return;
        }
        try {
            forward(route, request, response);
        } finally {
            route.bulkhead().release();
        }
    }

    private static boolean acquire(Route route) {
        try {
            return route.bulkhead().tryAcquire(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The caller's W3C trace context, for when the runtime opened no server span for this request. */
    private static Map<String, String> incomingTrace(HttpServletRequest request) {
        Map<String, String> trace = new HashMap<>(2);
        for (String name : TRACE_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                trace.put(name, value);
            }
        }
        return trace;
    }

    private void forward(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        boolean retryable = IDEMPOTENT.contains(request.getMethod()) && !hasBody;
        Upstream upstream = route.pick();
        // once per request: the server span the request filters did not see yet (common-ejb TraceIdFilter) names
        // the answer's trace; without one (no runtime span for this servlet) the caller's own context is the parent
        Map<String, String> context = tracing.current();
        String traceId = RequestContext.traced(context.get("traceparent"));
        if (traceId != null) {
            response.setHeader(TraceIdFilter.HEADER, traceId);
        }
        Map<String, String> parent = context.isEmpty() ? incomingTrace(request) : null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            if (upstream == null) {
                route.breaker().onFailure();
                ServletProblems.write(response, 503, "no-upstream", "Service Unavailable",
                        "No instance of the " + route.name() + " service is available; retry shortly");
                return;
            }
            Upstream current = upstream;
            current.enter();
            TraceSpan span = tracing.start(request.getMethod() + " " + route.name(), SpanRole.CLIENT, parent,
                    Map.of("http.request.method", request.getMethod(), "autopilot.upstream", String.valueOf(upstream.base())));
            try {
                HttpResponse<InputStream> answer = client.send(upstreamRequest(upstream, request, hasBody, span),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (answer.statusCode() == 503 && retryable && attempt == 1) {
                    // an instance that says it is not ready: take it out and ask another one
                    answer.body().close();
                    upstream.eject(ejectMs * 1_000_000L);
                    upstream = route.pickOtherThan(upstream);
                    continue;
                }
                if (answer.statusCode() >= 500) {
                    route.breaker().onFailure();
                } else {
                    route.breaker().onSuccess();
                }
                copy(answer, response);
                return;
            } catch (HttpTimeoutException e) {
                route.breaker().onFailure();
                ServletProblems.write(response, 504, "upstream-timeout", "Gateway Timeout",
                        "The " + route.name() + " service did not answer in time");
                return;
            } catch (ConnectException e) {
                LOG.log(Level.WARNING, RequestContext.tag("{0} instance {1} unreachable, ejected"),
                        new Object[] {route.name(), upstream});
                upstream.eject(ejectMs * 1_000_000L);
                route.breaker().onFailure();
                if (!retryable || attempt == 2) {
                    ServletProblems.write(response, 502, "upstream-unreachable", "Bad Gateway",
                            "The " + route.name() + " service could not be reached");
                    return;
                }
                upstream = route.pickOtherThan(upstream);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ServletProblems.write(response, 503, "unavailable", "Service Unavailable", "The gateway is shutting down");
                return;
            } catch (IOException e) {
                route.breaker().onFailure();
                if (!response.isCommitted()) {
                    ServletProblems.write(response, 502, "upstream-error", "Bad Gateway",
                            "The " + route.name() + " service broke off the answer");
                }
                return;
            } finally {
                span.close();
                current.leave();
            }
        }
    }

    private HttpRequest upstreamRequest(Upstream upstream, HttpServletRequest request, boolean hasBody,
                                        TraceSpan span) throws IOException {
        String query = request.getQueryString();
        URI target = URI.create(upstream.base() + CanonicalPath.of(request).forwarded()
                + (query == null ? "" : "?" + query));
        HttpRequest.BodyPublisher body;
        if (!hasBody) {
            body = HttpRequest.BodyPublishers.noBody();
        } else {
            InputStream in = request.getInputStream();
            long length = request.getContentLengthLong();
            HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> in);
            body = length > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(Duration.ofMillis(timeoutMs))
                .method(request.getMethod(), body);
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || lower.startsWith("x-forwarded-") || lower.equals("x-request-id")
                    || lower.equals(CLIENT_ADDRESS) || TRACE_HEADERS.contains(lower)) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                builder.header(name, value);
            }
        }
        String priorFor = request.getHeader("X-Forwarded-For");
        builder.header("X-Forwarded-For", priorFor == null ? request.getRemoteAddr()
                : priorFor + ", " + request.getRemoteAddr());
        // the services throttle by this (auth's login throttle): resolved at the edge, never the client's word
        builder.header(ClientAddresses.HEADER, clients.address(request));
        builder.header("X-Forwarded-Proto", request.getScheme());
        if (request.getHeader("Host") != null) {
            builder.header("X-Forwarded-Host", request.getHeader("Host"));
        }
        if (RequestContext.requestId() != null) {
            builder.header("X-Request-Id", RequestContext.requestId());
        }
        span.inject(builder::header);
        return builder.build();
    }

    private static void copy(HttpResponse<InputStream> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.statusCode());
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || lower.startsWith(":") || lower.equals(UPSTREAM_SPAN)) {
                continue;
            }
            boolean first = true;
            for (String value : header.getValue()) {
                if (first || OWN_HEADERS.contains(lower)) {
                    response.setHeader(header.getKey(), value);
                } else {
                    response.addHeader(header.getKey(), value);
                }
                first = false;
            }
        }
        answer.headers().firstValueAsLong("content-length").ifPresent(response::setContentLengthLong);
        try (InputStream in = answer.body()) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }
}
