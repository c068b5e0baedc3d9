package com.autopilotmonster.bench;

import static com.autopilotmonster.bench.BenchHttp.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cart figures against running auth, marketplace and cart servers (./platform run): GET /api/cart of a
 * 5-line cart; add + remove of a line (the add prices the product through the marketplace); and the same on
 * ONE shared cart from every thread, where the optimistic-version updates contend. Users and a vendor are
 * registered through auth; the products are activated by the local bootstrap admin.
 */
final class CartBenchmark {

    private static final int THREADS = 8;

    private CartBenchmark() {
    }

    static void run(String auth, String marketplace, String cart, Duration each) throws Exception {
        String admin = match(ACCESS, send(post(auth + "/api/auth/login", null, "{\"email\":\""
                + System.getProperty("bench.admin.email", "admin@autopilot.local") + "\",\"password\":\""
                + System.getProperty("bench.admin.password", "local-admin-passphrase") + "\"}"), 200));
        String vendor = activeVendor(auth, marketplace, admin, "Cart");
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
            String user = register(auth, "user", "Cart");
            for (int line = 0; line < 5; line++) {
                send(post(cart + "/api/cart/items", user, item(products.get(line))), 200);
            }
            users.add(user);
        }
        String shared = register(auth, "user", "Cart");

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

}
