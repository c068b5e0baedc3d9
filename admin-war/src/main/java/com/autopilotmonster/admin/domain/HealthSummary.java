package com.autopilotmonster.admin.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every service's {@code /health/ready}, asked all at once with {@code admin.health.timeout-ms} (1.5 s) each, so
 * the dashboard answers within that bound even when services hang: {@code {status: UP|DEGRADED|DOWN,
 * services: {auth: {status, latencyMs}, ...}}}.
 */
@ApplicationScoped
public class HealthSummary {

    @Inject
    @ConfigProperty(name = "admin.health.services")
    String services;

    @Inject
    @ConfigProperty(name = "admin.health.timeout-ms", defaultValue = "1500")
    long timeoutMs;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(1000)).build();

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
        for (Map.Entry<String, CompletableFuture<JsonObject>> probe : probes.entrySet()) {
            JsonObject result = probe.getValue().join();
            if ("UP".equals(result.getString("status"))) {
                up++;
            }
            each.add(probe.getKey(), result);
        }
        String status = up == probes.size() ? "UP" : up == 0 ? "DOWN" : "DEGRADED";
        return Json.createObjectBuilder().add("status", status).add("up", up).add("total", probes.size())
                .add("services", each).build();
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
