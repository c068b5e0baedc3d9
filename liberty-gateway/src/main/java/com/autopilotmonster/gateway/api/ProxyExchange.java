package com.autopilotmonster.gateway.api;

import com.autopilotmonster.common.trace.SpanRole;
import com.autopilotmonster.common.trace.TraceSpan;
import com.autopilotmonster.common.trace.Tracing;
import com.autopilotmonster.common.web.RequestContext;
import com.autopilotmonster.common.web.ServletProblems;
import com.autopilotmonster.gateway.domain.Route;
import com.autopilotmonster.gateway.domain.Upstream;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client request's way through its route, after the servlet thread has let go of it: an attempt on an instance,
 * an idempotent retry on another when the first is unreachable or not ready, then the answer relayed or a problem
 * written, and the request completed exactly once (the route's bulkhead permit with it). Answers are relayed on the
 * server's managed executor, never on the HTTP client's threads (writing to a slow client blocks); each relay runs
 * with the request's context (id, path and trace for error bodies and log lines) and the application's class loader.
 */
final class ProxyExchange {

    private static final Logger LOG = Logger.getLogger(ProxyExchange.class.getName());

    private final HttpClient client;
    private final Executor relays;
    private final Tracing tracing;
    private final long ejectNanos;
    private final Route route;
    private final String method;
    private final HttpRequest.Builder request;
    private final String pathAndQuery;
    private final boolean retryable;
    private final Map<String, String> parentTrace;
    private final HttpServletResponse response;
    private final AsyncContext async;
    private final RequestContext.Carried context = RequestContext.carry();
    private final ClassLoader applicationLoader = Thread.currentThread().getContextClassLoader();
    private final AtomicBoolean finished = new AtomicBoolean();

    /**
     * @param request the upstream request without its target ({@link UpstreamRequests})
     * @param parentTrace W3C headers of the span each attempt's client span belongs to
     */
    ProxyExchange(HttpClient client, Executor relays, Tracing tracing, long ejectMs, Route route, String method,
                  HttpRequest.Builder request, String pathAndQuery, boolean retryable, Map<String, String> parentTrace,
                  HttpServletResponse response, AsyncContext async) {
        this.client = client;
        this.relays = relays;
        this.tracing = tracing;
        this.ejectNanos = ejectMs * 1_000_000L;
        this.route = route;
        this.method = method;
        this.request = request;
        this.pathAndQuery = pathAndQuery;
        this.retryable = retryable;
        this.parentTrace = parentTrace;
        this.response = response;
        this.async = async;
        async.addListener(new Expiry());
    }

    /** From here on the exchange owns the request and its bulkhead permit. */
    void start() {
        inRequestContext(() -> attempt(route.pick(), 1));
    }

    private void attempt(Upstream upstream, int attempt) {
        if (upstream == null) {
            route.breaker().onFailure();
            problem(503, "no-upstream", "Service Unavailable",
                    "No instance of the " + route.name() + " service is available; retry shortly");
            return;
        }
        upstream.enter();
        TraceSpan span = tracing.start(method + " " + route.name(), SpanRole.CLIENT, parentTrace,
                Map.of("http.request.method", method, "autopilot.upstream", String.valueOf(upstream.base())));
        HttpRequest outgoing;
        try {
            HttpRequest.Builder builder = request.copy().uri(URI.create(upstream.base() + pathAndQuery));
            span.inject(builder::setHeader);
            outgoing = builder.build();
        } catch (IllegalArgumentException e) {
            span.close();
            upstream.leave();
            problem(400, "bad-request", "Bad Request", "The request cannot be forwarded: " + e.getMessage());
            return;
        } finally {
            span.detach();
        }
        client.sendAsync(outgoing, ResponseRelay.bodyHandler()).whenCompleteAsync((answer, error) ->
                inRequestContext(() -> answered(upstream, attempt, span, answer, error)), relays);
    }

    private void answered(Upstream upstream, int attempt, TraceSpan span, HttpResponse<InputStream> answer,
                          Throwable error) {
        try {
            if (error != null) {
                span.failed(error);
                failed(upstream, attempt, error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
                return;
            }
            if (answer.statusCode() == 503 && retryable && attempt == 1) {
                // an instance that says it is not ready: take it out and ask another one
                closeQuietly(answer.body());
                upstream.eject(ejectNanos);
                attempt(route.pickOtherThan(upstream), 2);
                return;
            }
            if (answer.statusCode() >= 500) {
                route.breaker().onFailure();
            } else {
                route.breaker().onSuccess();
            }
            relay(answer);
        } finally {
            span.close();
            upstream.leave();
        }
    }

    private void failed(Upstream upstream, int attempt, Throwable error) {
        if (error instanceof HttpTimeoutException) {
            route.breaker().onFailure();
            problem(504, "upstream-timeout", "Gateway Timeout",
                    "The " + route.name() + " service did not answer in time");
        } else if (error instanceof ConnectException) {
            LOG.log(Level.WARNING, RequestContext.tag("{0} instance {1} unreachable, ejected"),
                    new Object[] {route.name(), upstream});
            upstream.eject(ejectNanos);
            route.breaker().onFailure();
            if (!retryable || attempt == 2) {
                problem(502, "upstream-unreachable", "Bad Gateway",
                        "The " + route.name() + " service could not be reached");
            } else {
                attempt(route.pickOtherThan(upstream), 2);
            }
        } else {
            route.breaker().onFailure();
            LOG.log(Level.FINE, RequestContext.tag("forwarding to " + upstream + " failed"), error);
            problem(502, "upstream-error", "Bad Gateway", "The " + route.name() + " service broke off the answer");
        }
    }

    private void relay(HttpResponse<InputStream> answer) {
        if (finished.get()) {
            closeQuietly(answer.body());
            return;
        }
        try {
            ResponseRelay.copy(answer, response);
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the upstream broke off a streamed body: nothing more can be said to the client
            LOG.log(Level.FINE, RequestContext.tag("answer not relayed"), e);
            closeQuietly(answer.body());
            if (!response.isCommitted()) {
                problem(502, "upstream-error", "Bad Gateway", "The " + route.name() + " service broke off the answer");
                return;
            }
        }
        finish();
    }

    private void problem(int status, String slug, String title, String detail) {
        try {
            if (!finished.get()) {
                ServletProblems.write(response, status, slug, title, detail);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, RequestContext.tag("problem not written, the client went away"), e);
        }
        finish();
    }

    /** Once: the route's permit is given back and the container ends the request. */
    private void finish() {
        if (finished.compareAndSet(false, true)) {
            route.bulkhead().release();
            try {
                async.complete();
            } catch (IllegalStateException e) {
                LOG.log(Level.FINE, "request already completed by the container", e);
            }
        }
    }

    private void inRequestContext(Runnable work) {
        Thread thread = Thread.currentThread();
        ClassLoader prior = thread.getContextClassLoader();
        // JSON-B and JAX-RS look their providers up through the thread's class loader
        thread.setContextClassLoader(applicationLoader);
        try (RequestContext.Binding ignored = context.bind()) {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, RequestContext.tag("forwarding failed"), e);
            problem(502, "upstream-error", "Bad Gateway", "The " + route.name() + " service could not be asked");
        } finally {
            thread.setContextClassLoader(prior);
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "upstream body not closed", e);
        }
    }

    /**
     * The container's own limit on the request: reached only when an upstream's body stalls after its headers came
     * (the HTTP client's timeout covers the wait for the headers).
     */
    private final class Expiry implements AsyncListener {
        @Override
        public void onTimeout(AsyncEvent event) {
            inRequestContext(() -> problem(504, "upstream-timeout", "Gateway Timeout",
                    "The " + route.name() + " service did not finish its answer in time"));
        }

        @Override
        public void onError(AsyncEvent event) {
            finish();
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
