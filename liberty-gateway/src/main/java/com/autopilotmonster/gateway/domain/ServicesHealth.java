package com.autopilotmonster.gateway.domain;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every service's readiness as the gateway sees it: all instances of all routes are asked for
 * {@code /health/ready} at once, each call bounded by {@code gateway.health.timeout-ms}, so the answer comes
 * within that bound even when services hang. A service is UP when at least one of its instances is ready, and
 * DEGRADED when it is ready but says a component of it is degraded (its readiness data, {@link DegradedComponents}:
 * e.g. Kafka unreachable while the outbox holds the events) - it still serves requests.
 */
@ApplicationScoped
public class ServicesHealth {

    /**
     * One service's readiness: UP, DEGRADED (ready, with the components it reports degraded) or DOWN, how long
     * the answer took, and why it is DOWN.
     */
    public record ServiceStatus(String status, long latencyMs, String error, List<String> degraded) {
        ServiceStatus(String status, long latencyMs, String error) {
            this(status, latencyMs, error, List.of());
        }

        /** Ready to serve requests (UP or DEGRADED). */
        public boolean up() {
            return !"DOWN".equals(status);
        }
    }

    /** UP when every service is fully UP, DOWN when none is ready, DEGRADED otherwise. */
    public record Report(String status, Map<String, ServiceStatus> services) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    @Inject
    RouteTable routes;

    @Inject
    @ConfigProperty(name = "gateway.health.timeout-ms", defaultValue = "2000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "gateway.health.cache-ms", defaultValue = "1000")
    long cacheMs;

    private Recent<Report> recent;

    @PostConstruct
    void init() {
        recent = new Recent<>(Duration.ofMillis(cacheMs));
    }

    /** The services' readiness, asked again at most every {@code gateway.health.cache-ms}. */
    public Report check() {
        return recent.get(this::probeAll);
    }

    /** A fresh fan-out, for the status watch: its consecutive probes must each really ask the services. */
    public Report probeNow() {
        return probeAll();
    }

    private Report probeAll() {
        Map<String, List<CompletableFuture<ServiceStatus>>> calls = new LinkedHashMap<>();
        for (Route route : routes.all()) {
            List<CompletableFuture<ServiceStatus>> instances = new ArrayList<>();
            for (Upstream upstream : route.upstreams()) {
                instances.add(probe(upstream));
            }
            calls.put(route.name(), instances);
        }
        Map<String, ServiceStatus> services = new LinkedHashMap<>();
        int up = 0;
        int fullyUp = 0;
        for (Map.Entry<String, List<CompletableFuture<ServiceStatus>>> service : calls.entrySet()) {
            ServiceStatus status = best(service.getValue());
            services.put(service.getKey(), status);
            up += status.up() ? 1 : 0;
            fullyUp += "UP".equals(status.status()) ? 1 : 0;
        }
        String overall = fullyUp == services.size() ? "UP" : up == 0 ? "DOWN" : "DEGRADED";
        return new Report(overall, services);
    }

    private CompletableFuture<ServiceStatus> probe(Upstream upstream) {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.base() + "/health/ready"))
                .timeout(Duration.ofMillis(timeoutMs)).header("Accept", "application/json").GET().build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> answer.statusCode() == 200 ? ready(DegradedComponents.in(answer.body()), started)
                        : new ServiceStatus("DOWN", elapsed(started), "readiness answered " + answer.statusCode()))
                .exceptionally(failure -> new ServiceStatus("DOWN", elapsed(started), reason(failure)))
                // the client's own timeout covers a silent server; this one also covers a slow connect or DNS
                .completeOnTimeout(new ServiceStatus("DOWN", timeoutMs, "no answer within " + timeoutMs + " ms"),
                        timeoutMs + 250, TimeUnit.MILLISECONDS);
    }

    private static ServiceStatus ready(List<String> degraded, long started) {
        return new ServiceStatus(degraded.isEmpty() ? "UP" : "DEGRADED", elapsed(started), null, List.copyOf(degraded));
    }

    /** The fastest fully UP instance, else the fastest degraded one, else any (all DOWN). */
    private static ServiceStatus best(List<CompletableFuture<ServiceStatus>> instances) {
        ServiceStatus chosen = null;
        for (CompletableFuture<ServiceStatus> instance : instances) {
            ServiceStatus status = instance.join();
            if (chosen == null || rank(status) > rank(chosen)
                    || rank(status) == rank(chosen) && status.up() && status.latencyMs() < chosen.latencyMs()) {
                chosen = status;
            }
        }
        return chosen;
    }

    private static int rank(ServiceStatus status) {
        return switch (status.status()) {
            case "UP" -> 2;
            case "DEGRADED" -> 1;
            default -> 0;
        };
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof java.net.ConnectException) {
            return "unreachable";
        }
        return cause.getClass().getSimpleName();
    }
}
