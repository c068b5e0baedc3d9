package com.autopilotmonster.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cart figures against running auth, marketplace and cart servers (./platform run): GET /api/cart of a
 * 5-line cart; add + remove of a line (the add prices the product through the marketplace); and the same on
 * ONE shared cart from every thread, where the optimistic-version updates contend. Users and a vendor are
 * registered through auth; the products are activated by the local bootstrap admin.
 */
final class CartBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"_id\":\"([0-9a-f]{24})\"");
    private static final int THREADS = 8;

    private CartBenchmark() {
    }

    static void run(String auth, String marketplace, String cart, Duration each) throws Exception {
        String admin = token(send(post(auth + "/api/auth/login", null, "{\"email\":\""
                + System.getProperty("bench.admin.email", "admin@autopilot.local") + "\",\"password\":\""
                + System.getProperty("bench.admin.password", "local-admin-passphrase") + "\"}"), 200));
        String vendor = register(auth, "vendor");
        List<String> products = new ArrayList<>();
        for (int i = 0; i < THREADS * 2; i++) {
            String id = match(ID, send(post(marketplace + "/api/marketplace/products", vendor,
                    "{\"name\":\"Bench product " + i + "\",\"description\":\"cart benchmark\",\"price\":" + (i + 1)
                            + ".99,\"category\":\"automation\"}"), 201));
            send(put(marketplace + "/api/marketplace/products/" + id, admin, "{\"status\":\"active\"}"), 200);
            products.add(id);
        }
        List<String> users = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String user = register(auth, "user");
            for (int line = 0; line < 5; line++) {
                send(post(cart + "/api/cart/items", user, item(products.get(line))), 200);
            }
            users.add(user);
        }
        String shared = register(auth, "user");

        System.out.println("cart benchmark against " + cart + " (marketplace " + marketplace + "), "
                + each.toSeconds() + " s per figure");
        for (int i = 0; i < 100; i++) {
            status(get(cart + "/api/cart", users.get(i % THREADS)));
        }
        System.out.println(LoadRun.run("GET /api/cart (5 lines)", THREADS, each,
                t -> status(get(cart + "/api/cart", users.get(t))) == 200));
        // each thread adds and removes its own product in its own cart: 2 requests per operation
        System.out.println(LoadRun.run("POST item + DELETE item, own cart", THREADS, each, t -> {
            String product = products.get(THREADS + t);
            return status(post(cart + "/api/cart/items", users.get(t), item(product))) == 200
                    && status(delete(cart + "/api/cart/items/" + product, users.get(t))) == 200;
        }));
        System.out.println(LoadRun.run("POST item + DELETE item, ONE cart", THREADS, each, t -> {
            String product = products.get(THREADS + t);
            return status(post(cart + "/api/cart/items", shared, item(product))) == 200
                    && status(delete(cart + "/api/cart/items/" + product, shared)) == 200;
        }));
    }

    private static String item(String productId) {
        return "{\"productId\":\"" + productId + "\",\"quantity\":1}";
    }

    private static String register(String auth, String role) throws Exception {
        return token(send(post(auth + "/api/auth/register", null, "{\"firstName\":\"Bench\",\"lastName\":\"Cart\","
                + "\"email\":\"bench-cart-" + UUID.randomUUID() + "@example.test\",\"password\":\"cart benchmark "
                + UUID.randomUUID() + "\",\"role\":\"" + role + "\"}"), 201));
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static HttpRequest get(String url, String token) {
        return request(url, token).GET().build();
    }

    private static HttpRequest delete(String url, String token) {
        return request(url, token).DELETE().build();
    }

    private static HttpRequest post(String url, String token, String json) {
        return request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest put(String url, String token, String json) {
        return request(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static int status(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String token(String body) {
        return match(ACCESS, body);
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer " + body);
        }
        return m.group(1);
    }
}
