package com.autopilotmonster.admin.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every service's {@code /health/ready}, asked all at once with {@code admin.health.timeout-ms} (1.5 s) each, so
 * the dashboard answers within that bound even when services hang: {@code {status: operational|degraded|down,
 * uptime, responseTime, errorRate, up, total, services: {auth: {status: UP|DOWN, latencyMs}, ...}}}, the first four
 * as the original web client reads them. What this service can measure, and no more: {@code uptime} is the percentage
 * of services answering ready now, {@code responseTime} the mean readiness latency of this round (ms), {@code
 * errorRate} the percentage of all readiness probes this instance sent since it started that failed.
 */
@ApplicationScoped
public class HealthSummary {

    @Inject
    @ConfigProperty(name = "admin.health.services")
    String services;

    @Inject
    @ConfigProperty(name = "admin.health.timeout-ms", defaultValue = "1500")
    long timeoutMs;

    private final AtomicLong probesSent = new AtomicLong();
    private final AtomicLong probesFailed = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(1000)).build();

    public JsonObject summary() {
        Map<String, CompletableFuture<JsonObject>> probes = new LinkedHashMap<>();
        for (String entry : services.split(",")) {
            String[] pair = entry.strip().split("=", 2);
            if (pair.length == 2) {
                probes.put(pair[0].strip(), probe(pair[1].strip()));
            }
        }
        JsonObjectBuilder each = Json.createObjectBuilder();
        int up = 0;
        long latency = 0;
        for (Map.Entry<String, CompletableFuture<JsonObject>> probe : probes.entrySet()) {
            JsonObject result = probe.getValue().join();
            if ("UP".equals(result.getString("status"))) {
                up++;
            }
            latency += result.getJsonNumber("latencyMs").longValue();
            each.add(probe.getKey(), result);
        }
        int total = probes.size();
        long sent = probesSent.addAndGet(total);
        long failed = probesFailed.addAndGet(total - up);
        String status = up == total ? "operational" : up == 0 ? "down" : "degraded";
        return Json.createObjectBuilder().add("status", status)
                .add("uptime", percent(up, total, 100))
                .add("responseTime", total == 0 ? 0 : Math.round((double) latency / total))
                .add("errorRate", percent(failed, sent, 0))
                .add("up", up).add("total", total).add("services", each).build();
    }

    /** {@code part} of {@code whole} in percent, two decimals ({@code none} when there is no whole). */
    static BigDecimal percent(long part, long whole, int none) {
        if (whole == 0) {
            return BigDecimal.valueOf(none);
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private CompletableFuture<JsonObject> probe(String base) {
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(Duration.ofMillis(timeoutMs))
                    .GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(result("UNKNOWN", start));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> result(r.statusCode() == 200 ? "UP" : "DOWN", start))
                .completeOnTimeout(result("DOWN", start), timeoutMs + 200, java.util.concurrent.TimeUnit.MILLISECONDS)
                .exceptionally(e -> result("DOWN", start));
    }

    private static JsonObject result(String status, long start) {
        return Json.createObjectBuilder().add("status", status)
                .add("latencyMs", Duration.ofNanos(System.nanoTime() - start).toMillis()).build();
    }
}
