package com.autopilotmonster.infra.standby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Takes a standby's request paths once before it may take over, through its private port. A hot standby has run
 * its applications but served no request: in the fault suite the first requests after a takeover loaded the web
 * container's, JAX-RS's and MP JWT's classes on a loaded machine - checkouts took 7.4 s, the first readiness probe
 * 11.6 s, and one checkout passed the client's 10 s (2026-11-29). Warm-up requests change nothing, they only read:
 * <ul>
 * <li>the health endpoints;</li>
 * <li>each {@code GET} of the service's OpenAPI document without a path parameter, once with a token no server
 * accepts (refused by MP JWT with a 401 problem before any resource runs) and once without one (a public read is
 * answered, a protected one refused). Not for the gateway: its operations are the other services', proxied and
 * counted by the rate limiter it shares with the active gateway.</li>
 * </ul>
 * Everything is sent {@value #ROUNDS} times; a failed request only means that path stays cold.
 */
final class StandbyWarmup {

    /** A JWT in shape whose signature no key verifies. */
    static final String REFUSED_TOKEN = "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdGFuZGJ5LXdhcm11cCJ9.c2lnbmF0dXJl";

    static final List<String> HEALTH = List.of("/health/started", "/health/live", "/health/ready", "/health");
    static final int ROUNDS = 2;
    private static final String GATEWAY = "gateway";
    private static final int MAX_PATHS = 30;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration requestTimeout;

    StandbyWarmup(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** Warms {@code service}'s standby at {@code base}; returns the number of requests answered (any status). */
    int warm(URI base, String service) throws InterruptedException {
        List<HttpRequest> requests = new ArrayList<>();
        for (String path : HEALTH) {
            requests.add(get(base, path, null));
        }
        if (warmsOperationsOf(service)) {
            for (String path : readPaths(base)) {
                requests.add(get(base, path, REFUSED_TOKEN));
                requests.add(get(base, path, null));
            }
        }
        int answered = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (HttpRequest request : requests) {
                answered += send(request) ? 1 : 0;
            }
        }
        return answered;
    }

    /** The gateway's operations are the other services', proxied and counted by the rate limiter it shares. */
    static boolean warmsOperationsOf(String service) {
        return !GATEWAY.equals(service);
    }

    /** The document's GET paths without a path parameter; none when there is no document. */
    List<String> readPaths(URI base) throws InterruptedException {
        List<String> reads = new ArrayList<>();
        try {
            HttpResponse<String> answer = http.send(get(base, "/openapi?format=JSON", null),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return reads;
            }
            JsonNode paths = new ObjectMapper().readTree(answer.body()).path("paths");
            for (Iterator<String> names = paths.fieldNames(); names.hasNext() && reads.size() < MAX_PATHS; ) {
                String path = names.next();
                if (!path.contains("{") && paths.path(path).has("get")) {
                    reads.add(path);
                }
            }
        } catch (IOException e) {
            // no document: the health endpoints alone are warmed
        }
        return reads;
    }

    private HttpRequest get(URI base, String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout).GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private boolean send(HttpRequest request) throws InterruptedException {
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
