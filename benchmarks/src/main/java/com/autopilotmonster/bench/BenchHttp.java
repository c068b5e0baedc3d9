package com.autopilotmonster.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP calls the journey benchmarks make to set up and drive the platform: one client, JSON requests. */
public final class BenchHttp {

    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    public static final Pattern ACCESS = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    public static final Pattern ID = Pattern.compile("\"_id\":\"([0-9a-f]{24})\"");

    private BenchHttp() {
    }

    /** Registers a fresh account with auth and answers its access token. */
    public static String register(String auth, String role, String label) throws Exception {
        return match(ACCESS, send(post(auth + "/api/auth/register", null, "{\"firstName\":\"Bench\",\"lastName\":\""
                + label + "\",\"email\":\"bench-" + label.toLowerCase() + "-" + UUID.randomUUID()
                + "@example.test\",\"password\":\"" + label.toLowerCase() + " benchmark " + UUID.randomUUID()
                + "\",\"role\":\"" + role + "\"}"), 201));
    }

    /**
     * A vendor account whose products can go live: its vendor record is created at the vendor service
     * ({@code bench.vendor}, default http://localhost:4006) and approved by the admin, then the benchmark waits
     * until the marketplace knows it as active (it publishes only active vendors' products). Answers its token.
     */
    public static String activeVendor(String auth, String marketplace, String admin, String label) throws Exception {
        String vendorService = System.getProperty("bench.vendor", "http://localhost:4006");
        String token = register(auth, "vendor", label);
        String vendorId = match(Pattern.compile("\"vendorId\":\"([^\"]+)\""), send(put(vendorService
                + "/api/vendors/profile", token, "{\"name\":\"Bench " + label + " seller\"}"), 201));
        send(post(vendorService + "/api/vendors/admin/vendors/" + vendorId + "/approve", admin, "{}"), 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!HTTP.send(get(marketplace + "/api/marketplace/vendors/" + vendorId + "/status", admin),
                HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"active\"")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the marketplace did not learn that vendor " + vendorId + " is active");
            }
            Thread.sleep(200);
        }
        return token;
    }

    public static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    public static HttpRequest get(String url, String token) {
        return request(url, token).GET().build();
    }

    public static HttpRequest delete(String url, String token) {
        return request(url, token).DELETE().build();
    }

    public static HttpRequest post(String url, String token, String json) {
        return request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    public static HttpRequest put(String url, String token, String json) {
        return request(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** The status code, or -1 when the call itself failed (counted as a failed operation by LoadRun). */
    public static int status(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    public static String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer " + body);
        }
        return m.group(1);
    }
}
