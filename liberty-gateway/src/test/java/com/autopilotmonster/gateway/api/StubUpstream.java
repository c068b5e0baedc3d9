package com.autopilotmonster.gateway.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for a service that is not running during the gateway's tests: it answers
 * readiness, echoes what it received (method, path, query, forwarded headers, body size and SHA-256) and
 * sends back headers the gateway must pass through. {@code /hang} never answers in time; {@code /big} and
 * {@code /big-chunked} answer 300,000 bytes with and without a length.
 */
final class StubUpstream {

    private final String name;
    private final int port;
    private HttpServer server;
    private String openApi;
    private String hangingPath;
    private volatile String readinessBody = "{\"status\":\"UP\"}";
    private final java.util.concurrent.atomic.AtomicInteger readinessFailures = new java.util.concurrent.atomic.AtomicInteger();

    StubUpstream(String name, int port) {
        this.name = name;
        this.port = port;
    }

    String name() {
        return name;
    }

    /** Serves this document at /openapi (as a service's MicroProfile OpenAPI would). */
    StubUpstream withOpenApi(String json) {
        this.openApi = json;
        return this;
    }

    /** Never answers this path in time (like a service stuck on its database). */
    StubUpstream hangingOn(String path) {
        this.hangingPath = path;
        return this;
    }

    /** Readiness answers 200 with this MicroProfile Health body (e.g. a kafka check reporting degraded data). */
    StubUpstream readyWith(String body) {
        this.readinessBody = body;
        return this;
    }

    /** The next {@code count} readiness probes answer 503 (a hiccup), later ones 200 again. */
    void failNextReadiness(int count) {
        readinessFailures.set(count);
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(hangingPath)) {
            sleep(30_000);
        }
        if (path.equals("/openapi") && openApi != null) {
            reply(exchange, 200, openApi);
            return;
        }
        if (path.equals("/health/ready")) {
            boolean hiccup = readinessFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            reply(exchange, hiccup ? 503 : 200, hiccup ? "{\"status\":\"DOWN\"}" : readinessBody);
            return;
        }
        if (path.endsWith("/hang")) {
            sleep(30_000);
        }
        if (path.endsWith("/big") || path.endsWith("/big-chunked")) {
            replyLarge(exchange, path.endsWith("/big-chunked"));
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String sha = sha256(body);
        var headers = exchange.getRequestHeaders();
        exchange.getResponseHeaders().add("Location", "/api/things/42");
        exchange.getResponseHeaders().add("Set-Cookie", "a=1; Path=/");
        exchange.getResponseHeaders().add("Set-Cookie", "b=2; Path=/");
        exchange.getResponseHeaders().add("Retry-After", "7");
        exchange.getResponseHeaders().add("ETag", "\"v42\"");
        String json = "{\"service\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\""
                + path + "\",\"query\":\"" + nullToEmpty(exchange.getRequestURI().getRawQuery()) + "\",\"forwardedFor\":\""
                + nullToEmpty(headers.getFirst("X-Forwarded-For")) + "\",\"clientAddress\":\""
                + nullToEmpty(headers.getFirst("X-Client-Address")) + "\",\"clientAddressCount\":"
                + (headers.get("X-Client-Address") == null ? 0 : headers.get("X-Client-Address").size())
                + ",\"forwardedProto\":\""
                + nullToEmpty(headers.getFirst("X-Forwarded-Proto")) + "\",\"forwardedHost\":\""
                + nullToEmpty(headers.getFirst("X-Forwarded-Host")) + "\",\"requestId\":\""
                + nullToEmpty(headers.getFirst("X-Request-Id")) + "\",\"proxyAuthorization\":\""
                + nullToEmpty(headers.getFirst("Proxy-Authorization")) + "\",\"custom\":\""
                + nullToEmpty(headers.getFirst("X-Custom")) + "\",\"bodyBytes\":" + body.length + ",\"sha256\":\""
                + sha + "\"}";
        int status = path.endsWith("/created") ? 201 : path.endsWith("/fail") ? 500 : 200;
        reply(exchange, status, json);
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** An answer larger than the gateway reads whole: 300,000 random bytes, their SHA-256 in a header. */
    static byte[] largeBody() {
        byte[] bytes = new byte[300_000];
        new java.util.Random(7).nextBytes(bytes);
        return bytes;
    }

    private static void replyLarge(HttpExchange exchange, boolean chunked) throws IOException {
        byte[] bytes = largeBody();
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("X-Body-Sha256", sha256(bytes));
        exchange.sendResponseHeaders(200, chunked ? 0 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            for (int offset = 0; offset < bytes.length; offset += 8192) {
                out.write(bytes, offset, Math.min(8192, bytes.length - offset));
                out.flush();
            }
        }
        exchange.close();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.replace("\"", "'");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
