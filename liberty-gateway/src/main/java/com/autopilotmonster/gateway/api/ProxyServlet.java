package com.autopilotmonster.gateway.api;

import com.autopilotmonster.common.trace.Tracing;
import com.autopilotmonster.common.web.RequestContext;
import com.autopilotmonster.common.web.ServletProblems;
import com.autopilotmonster.common.web.TraceIdFilter;
import com.autopilotmonster.gateway.domain.RequestPath;
import com.autopilotmonster.gateway.domain.Route;
import com.autopilotmonster.gateway.domain.RouteTable;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forwards everything under /api to the route's upstream instances: method, path, query, headers and the
 * body, streamed both ways (webhook bodies arrive byte for byte). Hop-by-hop headers are dropped,
 * X-Forwarded-* and X-Request-Id added, the trace context ({@code traceparent} of a client span per attempt, so
 * the upstream's spans join the request's trace) set, and X-Client-Address (the client address the gateway resolved) always
 * set, never passed on from outside. Routing and the forwarded path use the canonical path
 * ({@link CanonicalPath}), the one the rate limit counted. A dead instance is ejected and an idempotent call retried on
 * another; a dead, hanging or saturated route answers 502/503/504 problem+json quickly.
 * <p>
 * The servlet thread checks the request (route, edge token, circuit, bulkhead) and hands it to a {@link ProxyExchange}
 * on the asynchronous servlet API; the non-blocking HTTP client answers it on its own threads, so a slow upstream
 * holds a connection and a bulkhead permit, not one of the gateway's threads.
 * <p>
 * On a JVM that sees fewer than three CPUs, the JDK's {@code HttpClient.sendAsync} hands every answer to a new thread
 * (CompletableFuture's default executor when the common pool's parallelism is 1): the gateway's servers set
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism} (README "Gateway").
 */
@WebServlet(name = "proxy", urlPatterns = "/api/*", asyncSupported = true, loadOnStartup = 1)
public class ProxyServlet extends HttpServlet {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
    /** How long an upstream may take to finish a streamed body after its headers, beyond the timeout for those. */
    private static final long ANSWER_STALL_MS = 30_000;

    @Inject
    RouteTable routes;

    @Inject
    EdgeTokenCheck edgeTokens;

    @Inject
    ClientIdentity clients;

    @Inject
    Tracing tracing;

    /** Relays answers (Liberty's default managed executor: its threads grow with the load). */
    @Resource
    ManagedExecutorService relays;

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
            forward(route, canonical, request, response);
        } catch (IOException | RuntimeException e) {
            // not handed over: the exchange gives the permit back when it finishes, here nobody else would
            route.bulkhead().release();
            throw e;
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
        for (String name : UpstreamRequests.TRACE_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                trace.put(name, value);
            }
        }
        return trace;
    }

    private void forward(Route route, RequestPath canonical, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        boolean retryable = IDEMPOTENT.contains(request.getMethod()) && !hasBody;
        // once per request: the server span the request filters did not see yet (common-ejb TraceIdFilter) names
        // the answer's trace; without one (no runtime span for this servlet) the caller's own context is the parent.
        // Taken here: the attempts' client spans start on the HTTP client's threads, where nothing is current.
        Map<String, String> context = tracing.current();
        String traceId = RequestContext.traced(context.get("traceparent"));
        if (traceId != null) {
            response.setHeader(TraceIdFilter.HEADER, traceId);
        }
        Map<String, String> parent = context.isEmpty() ? incomingTrace(request) : context;
        String query = request.getQueryString();
        String pathAndQuery = canonical.forwarded() + (query == null ? "" : "?" + query);
        HttpRequest.Builder upstreamRequest = UpstreamRequests.of(request, hasBody, clients.address(request), timeoutMs);
        // the servlet thread is free while the upstream answers: the gateway's threads are not its concurrency limit
        AsyncContext async = request.startAsync();
        async.setTimeout(timeoutMs + ANSWER_STALL_MS);
        new ProxyExchange(client, relays, tracing, ejectMs, route, request.getMethod(), upstreamRequest, pathAndQuery,
                retryable, parent, response, async).start();
    }
}
