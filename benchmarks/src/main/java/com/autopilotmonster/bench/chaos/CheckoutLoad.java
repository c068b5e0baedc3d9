package com.autopilotmonster.bench.chaos;

import com.autopilotmonster.bench.SandboxWebhook;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkout load that runs through every fault: each customer, on its own thread and with its own product,
 * repeats the journey of {@code ./platform bench checkout} (add to cart, order, start the Stripe payment, the
 * sandbox's signed webhook completes it) with a client timeout on every request. Each request is counted in
 * the phase that is current when it ends; a journey stops at its first failed step and starts over.
 */
final class CheckoutLoad {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"(AM-[0-9A-Z-]+)\"");
    private static final Pattern INTENT = Pattern.compile("\"paymentIntentId\":\"([^\"]+)\"");
    private static final Pattern MINOR = Pattern.compile("\"amountMinor\":(\\d+)");
    private static final String BILLING = "{\"billingAddress\":{\"name\":\"Chaos Buyer\",\"email\":\"chaos@example.test\","
            + "\"address\":\"1 Fault St\",\"city\":\"Springfield\",\"country\":\"US\",\"zip\":\"12345\"}}";

    /** One customer of the load: its token, its product, and whether its cart holds lines no order took yet. */
    static final class Customer {
        final String token;
        final String productId;
        volatile boolean cartHoldsUnorderedLine;

        Customer(String token, String productId) {
            this.token = token;
            this.productId = productId;
        }
    }

    private final ChaosSettings settings;
    private final List<Customer> customers;
    /** HTTP/1.1 as browsers (h2 only over TLS) and the gateway speak it: left to itself Java's client asks every new
     *  connection for an h2c upgrade, a path no real client takes, and the fault suite's thread dumps showed requests
     *  to a server that had just taken over waiting in Liberty's h2c connection set-up. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<PhaseStats> phase = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    /** The status of this thread's last answer (0: none, e.g. refused connection). */
    private final ThreadLocal<Integer> lastStatus = ThreadLocal.withInitial(() -> 0);
    private volatile boolean running;

    CheckoutLoad(ChaosSettings settings, List<Customer> customers) {
        this.settings = settings;
        this.customers = customers;
    }

    /** From now on requests are counted in {@code next}; the previous phase ends. */
    void enter(PhaseStats next) {
        PhaseStats previous = phase.getAndSet(next);
        if (previous != null) {
            previous.end = next.start;
        }
    }

    /** Two journeys per customer, not counted: the first calls of each path are slow on a fresh server. */
    void warmUp() {
        enter(new PhaseStats("warm-up"));
        for (int i = 0; i < 2; i++) {
            for (Customer customer : customers) {
                try {
                    journey(customer);
                } catch (RuntimeException e) {
                    // counted in the warm-up phase, which is not reported
                }
            }
        }
    }

    void start() {
        running = true;
        for (Customer customer : customers) {
            Thread thread = new Thread(() -> {
                while (running) {
                    try {
                        journey(customer);
                    } catch (RuntimeException e) {
                        // a 2xx answer without the fields the journey needs
                        phase.get().failed("unreadable", e.getMessage());
                    }
                }
            }, "chaos-customer");
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Stops the load after the journeys under way (each request ends within the client timeout). */
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
        PhaseStats last = phase.get();
        if (last != null && last.end == null) {
            last.end = java.time.Instant.now();
        }
    }

    private void journey(Customer customer) {
        String cartAnswer = call(post(settings.cart() + "/api/cart/items", customer.token,
                "{\"productId\":\"" + customer.productId + "\",\"quantity\":1}"), 200);
        if (cartAnswer == null && lastStatus.get() != 400) {
            pause();
            return;
        }
        // added, or refused because the cart already holds the product's limit (order.created, which empties the
        // cart, is late - during a Kafka outage every journey adds one more): a customer orders what is there
        customer.cartHoldsUnorderedLine = true;
        String created = call(post(settings.order() + "/api/orders", customer.token, BILLING), 201);
        if (created == null) {
            pause();
            return;
        }
        customer.cartHoldsUnorderedLine = false;
        String orderId = find(ORDER_ID, created);
        String payment = call(post(settings.order() + "/api/orders/" + orderId + "/payment", customer.token,
                "{\"paymentMethod\":\"stripe\"}"), 200);
        if (payment == null) {
            pause();
            return;
        }
        HttpRequest webhook = SandboxWebhook.paymentSucceeded(settings.order(), settings.sandboxSecret(), orderId,
                find(INTENT, payment), find(MINOR, payment)).timeout(settings.requestTimeout()).build();
        if (call(webhook, 200) == null) {
            pause();
        }
    }

    /** The answer's body when it has the expected status, else null; the outcome is counted either way. */
    private String call(HttpRequest request, int expected) {
        lastStatus.set(0);
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            phase.get().failed(PhaseStats.CONNECTION, what(request) + e);
            return null;
        } catch (HttpTimeoutException e) {
            phase.get().failed(PhaseStats.TIMEOUT, what(request) + e);
            return null;
        } catch (IOException e) {
            phase.get().failed(PhaseStats.CONNECTION, what(request) + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return null;
        }
        lastStatus.set(response.statusCode());
        if (response.statusCode() != expected) {
            phase.get().failed(Integer.toString(response.statusCode()), what(request) + response.body());
            return null;
        }
        phase.get().ok();
        return response.body();
    }

    private static String what(HttpRequest request) {
        return request.method() + " " + request.uri().getPath() + " -> ";
    }

    private HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** A failed step is retried after a short pause, as a client would, instead of spinning on a dead server. */
    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer " + body);
        }
        return m.group(1);
    }
}
