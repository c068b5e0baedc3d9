package com.autopilotmonster.gateway.client;

import com.autopilotmonster.gateway.domain.OpenApiMerger;
import com.autopilotmonster.gateway.domain.Recent;
import com.autopilotmonster.gateway.domain.Route;
import com.autopilotmonster.gateway.domain.RouteTable;
import com.autopilotmonster.gateway.domain.Upstream;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches every service's MicroProfile OpenAPI document ({@code GET <instance>/openapi} as JSON) at once, each
 * bounded by {@code gateway.openapi.timeout-ms}; a service that does not answer in time (or answers something
 * that is not a JSON object) comes back with the reason instead of a document.
 * When the services share one Liberty server (the local {@code platform} topology), that server serves one
 * document for all of them: {@code gateway.openapi.shared-document-url} names it, it is fetched once and each
 * route takes its own paths from it (the merger keeps only the paths routed to a service).
 * The gateway's own endpoints (the status API under {@code /api/system}) come from its own MicroProfile OpenAPI
 * document at {@code /gateway/openapi} on this server ({@code gateway.openapi.self-url} to override).
 */
@ApplicationScoped
public class ServiceDocs {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static final int MAX_DOC_BYTES = 8 * 1024 * 1024;

    @Inject
    RouteTable routes;

    @Inject
    @ConfigProperty(name = "gateway.openapi.timeout-ms", defaultValue = "3000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "gateway.openapi.cache-ms", defaultValue = "5000")
    long cacheMs;

    private Recent<List<OpenApiMerger.Source>> recent;

    @PostConstruct
    void init() {
        recent = new Recent<>(Duration.ofMillis(cacheMs));
    }

    /** Every service's document, fetched again at most every {@code gateway.openapi.cache-ms}. */
    public List<OpenApiMerger.Source> fetchAll() {
        return recent.get(this::fetchEach);
    }

    @Inject
    @ConfigProperty(name = "gateway.openapi.shared-document-url")
    java.util.Optional<String> sharedDocumentUrl;

    @Inject
    @ConfigProperty(name = "gateway.openapi.self-url")
    java.util.Optional<String> selfUrl;

    @Inject
    @ConfigProperty(name = "http.port", defaultValue = "4000")
    int httpPort;

    private List<OpenApiMerger.Source> fetchEach() {
        List<CompletableFuture<OpenApiMerger.Source>> calls = new ArrayList<>();
        calls.add(fetch(GATEWAY, List.of(GATEWAY_PREFIX), selfUrl.filter(u -> !u.isBlank()).map(String::strip)
                .orElse("http://127.0.0.1:" + httpPort + "/gateway/openapi")));
        if (sharedDocumentUrl.isPresent() && !sharedDocumentUrl.get().isBlank()) {
            OpenApiMerger.Source shared = fetch(routes.all().get(0), sharedDocumentUrl.get().strip()).join();
            List<OpenApiMerger.Source> sources = new ArrayList<>(routes.all().stream().map(route ->
                    new OpenApiMerger.Source(route.name(), route.prefixes(), shared.document(), shared.error()))
                    .toList());
            sources.add(calls.get(0).join());
            return sources;
        }
        for (Route route : routes.all()) {
            // instances of one service serve the same document: ask one that is not ejected
            Upstream upstream = route.upstreams().stream().filter(u -> !u.ejected()).findFirst()
                    .orElse(route.upstreams().get(0));
            calls.add(fetch(route, upstream.base() + "/openapi"));
        }
        // the services first, the gateway's own paths last (as before: a service's names win a clash)
        List<OpenApiMerger.Source> sources = new ArrayList<>(calls.subList(1, calls.size()).stream()
                .map(CompletableFuture::join).toList());
        sources.add(calls.get(0).join());
        return sources;
    }

    private static final String GATEWAY = "gateway";
    private static final String GATEWAY_PREFIX = "/api/system";

    private CompletableFuture<OpenApiMerger.Source> fetch(Route route, String url) {
        return fetch(route.name(), route.prefixes(), url);
    }

    private CompletableFuture<OpenApiMerger.Source> fetch(String name, List<String> prefixes, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMillis(timeoutMs)).header("Accept", "application/json").GET().build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(answer -> read(name, prefixes, answer))
                .exceptionally(failure -> missing(name, prefixes, reason(failure)))
                .completeOnTimeout(missing(name, prefixes, "no answer within " + timeoutMs + " ms"), timeoutMs + 250,
                        TimeUnit.MILLISECONDS);
    }

    private static OpenApiMerger.Source read(String name, List<String> prefixes, HttpResponse<InputStream> answer) {
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                return missing(name, prefixes, "answered " + answer.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_DOC_BYTES + 1);
            if (bytes.length > MAX_DOC_BYTES) {
                return missing(name, prefixes, "document larger than " + MAX_DOC_BYTES + " bytes");
            }
            try (JsonReader reader = Json.createReader(new java.io.ByteArrayInputStream(bytes))) {
                JsonObject doc = reader.readObject();
                return new OpenApiMerger.Source(name, prefixes, doc, null);
            }
        } catch (Exception e) {
            return missing(name, prefixes, "not a JSON OpenAPI document");
        }
    }

    private static OpenApiMerger.Source missing(String name, List<String> prefixes, String reason) {
        return new OpenApiMerger.Source(name, prefixes, null, reason);
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
