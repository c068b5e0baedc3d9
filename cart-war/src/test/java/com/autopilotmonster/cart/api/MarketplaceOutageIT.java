package com.autopilotmonster.cart.api;

import static com.autopilotmonster.cart.api.Carts.add;
import static com.autopilotmonster.cart.api.Carts.get;
import static com.autopilotmonster.cart.api.Carts.newUser;
import static com.autopilotmonster.cart.api.Carts.problem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.PrometheusMetrics;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The marketplace stopped, or hanging: adding to a cart answers 503 problem+json within a couple of
 * seconds (timeout, one retry, then the open circuit answers at once), reading the cart keeps working, and
 * adding works again once the marketplace is back. Uses the real marketplace server's process.
 */
class MarketplaceOutageIT {

    /**
     * The bound for "quickly": one lookup gives up after at most 2 s (read timeout 1.5 s; measured here 1.5 to
     * 2.3 s) and a timeout is not retried; the rest is margin for a busy 2-core machine. Without the timeout a
     * hung marketplace would block the request for as long as it hangs.
     */
    private static final long QUICK_MS = 4_000;

    private static String product;
    private static String another;

    @BeforeAll
    static void setUp() {
        Carts.target();
        product = Marketplace.createActive("Outage " + UUID.randomUUID(), "9.99");
        another = Marketplace.createActive("Outage other " + UUID.randomUUID(), "1.99");
    }

    private static long addTakesMs(String token, String productId, int expectedStatus) {
        long start = System.nanoTime();
        var response = add(token, productId, 1);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (expectedStatus == 503) {
            problem(response, 503).header("Retry-After", notNullValue());
        } else {
            response.statusCode(expectedStatus);
        }
        return ms;
    }

    /**
     * Waits until adding works again AND the circuit is closed for good: the breaker judges the last 4 calls,
     * so a single success right after failures can still open it. Four successes in a row (into throw-away
     * carts) fill its window with successes; then the caller's own add must succeed.
     */
    private static void awaitAddWorks(String token, String productId) {
        Eventually.await("adding works again", Duration.ofSeconds(120), () -> {
            for (int i = 0; i < 4; i++) {
                if (add(newUser(), productId, 1).extract().statusCode() != 200) {
                    return false;
                }
            }
            return true;
        });
        add(token, productId, 1).statusCode(200);
    }

    @Test
    void aStoppedMarketplaceGives503QuicklyAndTheCartRecoversWhenItIsBack() throws Exception {
        String token = newUser();
        add(token, product, 1).statusCode(200);
        Marketplace.server("stop");
        try {
            for (int i = 0; i < 6; i++) {   // connection refused, then the open circuit
                long ms = addTakesMs(token, another, 503);
                System.out.println("marketplace stopped: add answered 503 in " + ms + " ms");
                assertTrue(ms < QUICK_MS, "attempt " + i + " took " + ms + " ms");
            }
            get(token).statusCode(200).body("data.items", hasSize(1));
            breakerReportedOpen();
        } finally {
            Marketplace.server("start");
            Marketplace.awaitReady();
        }
        awaitAddWorks(token, another);
        get(token).body("data.items", hasSize(2));
    }

    @Test
    void aHangingMarketplaceGives503Quickly() throws Exception {
        String token = newUser();
        long pid = Marketplace.pid();
        // SIGSTOP: the port still accepts connections (kernel backlog) but nothing answers - a hung service
        signal("STOP", pid);
        try {
            for (int i = 0; i < 3; i++) {
                long ms = addTakesMs(token, product, 503);
                System.out.println("marketplace frozen: add answered 503 in " + ms + " ms");
                assertTrue(ms < QUICK_MS, "attempt " + i + " took " + ms + " ms");
            }
        } finally {
            signal("CONT", pid);
        }
        Marketplace.awaitReady();
        awaitAddWorks(token, product);
    }

    /**
     * Issue 17, metrics: the open circuit is visible where operators look - MicroProfile Fault Tolerance's series
     * for the catalog lookup on the cart server's /metrics (names as Prometheus scrapes them, the ones the Grafana
     * dashboard queries and deploy/grafana/exposed-metrics.txt promises for the cart server).
     */
    private static void breakerReportedOpen() {
        PrometheusMetrics metrics = PrometheusMetrics.scrape("http://localhost:" + RestAssured.port + "/metrics");
        Map<String, String> lookup = Map.of("method", "com.autopilotmonster.cart.client.ProductCatalog.product");
        assertTrue(metrics.sum("ft_circuitbreaker_opened_total", lookup) >= 1, metrics.find("ft_circuitbreaker_opened_total", lookup).toString());
        Map<String, String> open = new HashMap<>(lookup);
        open.put("state", "open");
        assertTrue(metrics.sum("ft_circuitbreaker_state_total_nanoseconds", open) > 0,
                "time in the open state: " + metrics.find("ft_circuitbreaker_state_total_nanoseconds", lookup));
        List<String> missing = PrometheusMetrics.promisedBy("cart").stream()
                .filter(name -> metrics.find(name, Map.of()).isEmpty()).toList();
        assertTrue(missing.isEmpty(), "promised for the cart server but not exposed: " + missing);
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor() == 0, "kill -" + signal + " " + pid);
    }
}
