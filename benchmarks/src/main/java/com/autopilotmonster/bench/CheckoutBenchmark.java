package com.autopilotmonster.bench;

import static com.autopilotmonster.bench.BenchHttp.*;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The full checkout journey against running auth, marketplace, cart and order servers, the order server in
 * SANDBOX payments mode (as ./platform run starts it): per operation one customer adds a product to the
 * cart, orders the cart (priced through the marketplace, order.created published), starts the Stripe
 * payment and the provider's signed payment_intent.succeeded webhook completes the order. Prints completed
 * orders per second and the p50/p99 latency of the whole journey.
 */
final class CheckoutBenchmark {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"(AM-[0-9A-Z-]+)\"");
    private static final Pattern INTENT = Pattern.compile("\"paymentIntentId\":\"([^\"]+)\"");
    private static final Pattern MINOR = Pattern.compile("\"amountMinor\":(\\d+)");
    private static final Pattern STATUS = Pattern.compile("(/api/\\S*?)(/AM-[^/ ]+)?(/[a-z]+)? answered (\\d+)");
    /** Why journeys failed: step and status (or the exception type), counted over the measured run. */
    private static final Map<String, LongAdder> FAILURES = new ConcurrentHashMap<>();
    private static final String BILLING = "{\"billingAddress\":{\"name\":\"Bench Buyer\",\"email\":\"bench@example.test\","
            + "\"address\":\"1 Load St\",\"city\":\"Springfield\",\"country\":\"US\",\"zip\":\"12345\"}}";

    private CheckoutBenchmark() {
    }

    static void run(String auth, String marketplace, String cart, String order, String sandboxSecret, int threads,
                    Duration each) throws Exception {
        String admin = match(ACCESS, send(post(auth + "/api/auth/login", null, "{\"email\":\""
                + System.getProperty("bench.admin.email", "admin@autopilot.local") + "\",\"password\":\""
                + System.getProperty("bench.admin.password", "local-admin-passphrase") + "\"}"), 200));
        String vendor = activeVendor(auth, marketplace, admin, "Checkout");
        List<String> products = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String id = match(ID, send(post(marketplace + "/api/marketplace/products", vendor,
                    "{\"name\":\"Checkout bench " + i + "\",\"description\":\"checkout benchmark\",\"price\":"
                            + (i + 10) + ".49,\"category\":\"automation\"}"), 201));
            send(put(marketplace + "/api/marketplace/products/" + id, admin, "{\"status\":\"active\"}"), 200);
            products.add(id);
        }
        // each concurrent checkout takes turns among a few customers: one person does not order, add and order
        // again within milliseconds, and the cart empties itself on order.created asynchronously (a customer who
        // did would meet the line at its limit or the cart emptied under the next order)
        int turns = Integer.getInteger("bench.customers-per-thread", 4);
        List<String> users = new ArrayList<>();
        for (int t = 0; t < threads * turns; t++) {
            users.add(register(auth, "user", "Checkout"));
        }
        java.util.concurrent.atomic.AtomicIntegerArray next = new java.util.concurrent.atomic.AtomicIntegerArray(threads);
        System.out.println("checkout benchmark: cart " + cart + ", order " + order + " (sandbox payments), "
                + threads + " concurrent checkouts (each taking turns among " + turns + " customers), "
                + each.toSeconds() + " s");
        // warm-up: a journey per customer, not measured
        for (int i = 0; i < turns; i++) {
            for (int t = 0; t < threads; t++) {
                journey(cart, order, sandboxSecret, users.get(t * turns + i), products.get(t));
            }
        }
        FAILURES.clear();
        ProcessCpu before = ProcessCpu.now();
        LoadRun.Result result = LoadRun.run("checkout: cart+order+pay+webhook", threads, each,
                t -> journey(cart, order, sandboxSecret, users.get(t * turns + next.getAndIncrement(t) % turns),
                        products.get(t)));
        System.out.println(result);
        System.out.printf("=> %.1f orders created and paid per second; journey p50 %.0f ms, p99 %.0f ms%n",
                result.perSecond(), result.p50Ms(), result.p99Ms());
        System.out.println("=> CPU ms per paid order: " + ProcessCpu.now().perUnit(before, result.ok()));
        if (!FAILURES.isEmpty()) {
            System.out.println("failed journeys by step and answer: " + new TreeMap<>(FAILURES));
        }
    }

    /** One customer's checkout; true when the webhook completed the order. */
    private static boolean journey(String cart, String order, String secret, String user, String product) {
        try {
            try {
                send(post(cart + "/api/cart/items", user, "{\"productId\":\"" + product + "\",\"quantity\":1}"), 200);
            } catch (IllegalStateException refused) {
                // the cart empties itself on order.created, asynchronously: with many customers the previous
                // journey's event may still be on its way and the line at its limit (400) - order what is there;
                // an empty cart then fails the order (422) and the journey counts as failed
            }
            String orderId = match(ORDER_ID, send(post(order + "/api/orders", user, BILLING), 201));
            String payment = send(post(order + "/api/orders/" + orderId + "/payment", user,
                    "{\"paymentMethod\":\"stripe\"}"), 200);
            HttpRequest webhook = SandboxWebhook.paymentSucceeded(order, secret, orderId, match(INTENT, payment),
                    match(MINOR, payment)).timeout(Duration.ofSeconds(30)).build();
            return send(webhook, 200).contains("\"applied\"");
        } catch (Exception e) {
            FAILURES.computeIfAbsent(reason(e), k -> new LongAdder()).increment();
            return false;
        }
    }

    /** "POST /api/orders 422" style: the step that failed and its status, else the exception's type. */
    private static String reason(Exception e) {
        Matcher m = STATUS.matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            return m.group(1) + (m.group(2) == null ? "" : "/{id}") + (m.group(3) == null ? "" : m.group(3))
                    + " " + m.group(4);
        }
        return e.getClass().getSimpleName();
    }
}
