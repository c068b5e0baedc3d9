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

    private List<OpenApiMerger.Source> fetchEach() {
        if (sharedDocumentUrl.isPresent() && !sharedDocumentUrl.get().isBlank()) {
            OpenApiMerger.Source shared = fetch(routes.all().get(0), sharedDocumentUrl.get().strip()).join();
            return routes.all().stream().map(route -> new OpenApiMerger.Source(route.name(), route.prefixes(),
                    shared.document(), shared.error())).toList();
        }
        List<CompletableFuture<OpenApiMerger.Source>> calls = new ArrayList<>();
        for (Route route : routes.all()) {
            // instances of one service serve the same document: ask one that is not ejected
            Upstream upstream = route.upstreams().stream().filter(u -> !u.ejected()).findFirst()
                    .orElse(route.upstreams().get(0));
            calls.add(fetch(route, upstream.base() + "/openapi"));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<OpenApiMerger.Source> fetch(Route route, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMillis(timeoutMs)).header("Accept", "application/json").GET().build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(answer -> read(route, answer))
                .exceptionally(failure -> missing(route, reason(failure)))
                .completeOnTimeout(missing(route, "no answer within " + timeoutMs + " ms"), timeoutMs + 250,
                        TimeUnit.MILLISECONDS);
    }

    private static OpenApiMerger.Source read(Route route, HttpResponse<InputStream> answer) {
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                return missing(route, "answered " + answer.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_DOC_BYTES + 1);
            if (bytes.length > MAX_DOC_BYTES) {
                return missing(route, "document larger than " + MAX_DOC_BYTES + " bytes");
            }
            try (JsonReader reader = Json.createReader(new java.io.ByteArrayInputStream(bytes))) {
                JsonObject doc = reader.readObject();
                return new OpenApiMerger.Source(route.name(), route.prefixes(), doc, null);
            }
        } catch (Exception e) {
            return missing(route, "not a JSON OpenAPI document");
        }
    }

    private static OpenApiMerger.Source missing(Route route, String reason) {
        return new OpenApiMerger.Source(route.name(), route.prefixes(), null, reason);
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
