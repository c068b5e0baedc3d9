package com.autopilotmonster.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway's cost on this machine: the same small GET (default: auth's JWKS document) served directly by the
 * upstream and through the gateway, one after the other in one run, same threads and duration; prints
 * requests/s and p50/p99 of both and the overhead ratios. Rate limiting stays on (one Redis operation per
 * request through the gateway): start the gateway with a limit above the run's request count, e.g.
 * {@code GATEWAY_RATELIMIT_LIMIT=100000000}, or every request past the 100th would measure a 429. The run
 * checks the limit it is given and refuses to measure 429s. Options: {@code -Dbench.direct},
 * {@code -Dbench.gateway}, {@code -Dbench.path}, {@code -Dbench.threads} (8).
 */
final class GatewayBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayBenchmark() {
    }

    static void run(String direct, String gateway, String path, int threads, Duration each) throws Exception {
        HttpRequest straight = request(direct + path, 0);
        HttpRequest proxied = request(gateway + path, 0);
        HttpRequest[] straightPerThread = new HttpRequest[threads];
        HttpRequest[] proxiedPerThread = new HttpRequest[threads];
        for (int t = 0; t < threads; t++) {
            straightPerThread[t] = request(direct + path, t);
            proxiedPerThread[t] = request(gateway + path, t);
        }
        check(straight);
        long limit = check(proxied).headers().firstValueAsLong("RateLimit-Limit").orElseThrow(
                () -> new IllegalStateException("no RateLimit-Limit header from " + gateway + ": is it the gateway?"));
        long needed = 200_000L * each.toSeconds();
        if (limit < needed) {
            System.err.println("The gateway allows " + limit + " requests per client and window; this run may send "
                    + needed + ". Restart it with GATEWAY_RATELIMIT_LIMIT=100000000 so the run measures "
                    + "proxying, not 429s.");
            System.exit(3);
        }

        System.out.println("gateway benchmark: GET " + path + ", " + threads + " threads, " + each.toSeconds()
                + " s per figure (after a warm-up)");
        // warm both paths up (JIT, connection pools) before measuring either
        LoadRun.run("warm-up direct", threads, Duration.ofSeconds(3), i -> ok(straightPerThread[i]));
        LoadRun.run("warm-up gateway", threads, Duration.ofSeconds(3), i -> ok(proxiedPerThread[i]));
        LoadRun.Result directRun = LoadRun.run("direct  " + direct, threads, each, i -> ok(straightPerThread[i]));
        System.out.println(directRun);
        LoadRun.Result gatewayRun = LoadRun.run("gateway " + gateway, threads, each, i -> ok(proxiedPerThread[i]));
        System.out.println(gatewayRun);
        System.out.printf("overhead: throughput x%.2f lower through the gateway (%.0f%% of direct), "
                        + "p50 x%.2f (+%.2f ms), p99 x%.2f (+%.2f ms)%n",
                directRun.perSecond() / gatewayRun.perSecond(), 100 * gatewayRun.perSecond() / directRun.perSecond(),
                gatewayRun.p50Ms() / directRun.p50Ms(), gatewayRun.p50Ms() - directRun.p50Ms(),
                gatewayRun.p99Ms() / directRun.p99Ms(), gatewayRun.p99Ms() - directRun.p99Ms());
    }

    /**
     * Each thread is its own client (the gateway believes X-Forwarded-For from loopback, a trusted proxy), so the
     * run's counters do not use up the budget of this machine's own address for 15 minutes afterwards.
     */
    private static HttpRequest request(String url, int thread) {
        return HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-For", "10.98.0." + (thread + 1)).GET()
                .build();
    }

    private static HttpResponse<Void> check(HttpRequest request) throws Exception {
        HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return response;
    }

    private static boolean ok(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
