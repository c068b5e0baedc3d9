package com.autopilotmonster.cart.api;

import static com.autopilotmonster.cart.api.Carts.add;
import static com.autopilotmonster.cart.api.Carts.get;
import static com.autopilotmonster.cart.api.Carts.money;
import static com.autopilotmonster.cart.api.Carts.newUser;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Concurrent changes to one cart never lose a line or a quantity (optimistic version + retry in the store). */
class CartConcurrencyIT {

    private static final int PRODUCTS = 20;
    private static final List<String> products = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        Carts.target();
        for (int i = 0; i < PRODUCTS; i++) {
            products.add(Marketplace.createActive("Concurrent " + i + " " + UUID.randomUUID(), (i + 1) + ".25"));
        }
    }

    /** Runs the calls at the same moment (all threads released together) and returns their status codes. */
    private static List<Integer> together(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : futures) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyParallelAddsOfDistinctProductsGiveTwentyLines() throws Exception {
        String token = newUser();   // no cart yet: the parallel first adds also race to create it
        List<Callable<Integer>> calls = new ArrayList<>();
        for (String product : products) {
            calls.add(() -> add(token, product, 1).extract().statusCode());
        }
        List<Integer> codes = together(calls);
        assertEquals(PRODUCTS, codes.stream().filter(c -> c == 200).count(), codes.toString());

        ValidatableResponse cart = get(token).statusCode(200).body("data.items", hasSize(PRODUCTS));
        List<Map<String, Object>> items = cart.extract().path("data.items");
        Set<Object> ids = new HashSet<>();
        items.forEach(i -> ids.add(i.get("productId")));
        assertEquals(new HashSet<>(products), ids);
        // sum of (i + 1).25 for i = 0..19 = 210 + 5 = 215.00; tax 21.50; total 236.50
        cart.body("data.subtotal", comparesEqualTo(money("215.00"))).body("data.tax", comparesEqualTo(money("21.50")))
                .body("data.total", comparesEqualTo(money("236.50")));
    }

    @Test
    void parallelAddsOfOneProductMakeOneLineWithEveryQuantityCounted() throws Exception {
        String token = newUser();
        String product = products.get(0);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> add(token, product, 1).extract().statusCode());
        }
        List<Integer> codes = together(calls);
        assertEquals(10, codes.stream().filter(c -> c == 200).count(), codes.toString());
        get(token).body("data.items", hasSize(1)).body("data.items[0].quantity", equalTo(10))
                .body("data.subtotal", comparesEqualTo(new BigDecimal("12.50")));
        // the maximum (10) holds under contention too: all of these are refused, none sneaks through
        calls.clear();
        for (int i = 0; i < 5; i++) {
            calls.add(() -> add(token, product, 1).extract().statusCode());
        }
        assertEquals(List.of(400, 400, 400, 400, 400), together(calls));
        get(token).body("data.items[0].quantity", equalTo(10));
    }

    @Test
    void parallelAddsAndRemovalsKeepEveryLineThatWasNotRemoved() throws Exception {
        String token = newUser();
        for (String product : products.subList(0, 10)) {
            add(token, product, 1).statusCode(200);
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (String product : products.subList(0, 5)) {
            calls.add(() -> Carts.remove(token, product).extract().statusCode());
        }
        for (String product : products.subList(10, 20)) {
            calls.add(() -> add(token, product, 2).extract().statusCode());
        }
        List<Integer> codes = together(calls);
        assertEquals(15, codes.stream().filter(c -> c == 200).count(), codes.toString());
        List<Map<String, Object>> items = get(token).body("data.items", hasSize(15)).extract().path("data.items");
        Set<Object> ids = new HashSet<>();
        items.forEach(i -> ids.add(i.get("productId")));
        Set<String> expected = new HashSet<>(products.subList(5, 20));
        assertEquals(expected, ids);
    }
}
