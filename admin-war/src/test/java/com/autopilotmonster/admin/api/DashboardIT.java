package com.autopilotmonster.admin.api;

import static com.autopilotmonster.admin.api.Admin.ADMIN;
import static com.autopilotmonster.admin.api.Admin.get;
import static com.autopilotmonster.admin.api.Admin.newId;
import static com.autopilotmonster.admin.api.Admin.post;
import static com.autopilotmonster.admin.api.Admin.publish;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's read model converges with the owners: after a scripted journey (accounts in auth, products
 * moderated in the marketplace, vendors reviewed in the vendor service, order/payment/refund/payout events as the
 * owners' outboxes write them) every count moved exactly as the owners' own counts did. Redelivered events count
 * once; unreadable ones are skipped without stopping the consumer; a late older event never overwrites a newer state.
 */
class DashboardIT {

    @BeforeAll
    static void setUp() {
        Admin.target();
        Admin.awaitReady(Admin.VENDOR);
    }

    private static JsonPath dashboard() {
        return get(ADMIN, "/api/admin/dashboard?health=false").statusCode(200).extract().jsonPath();
    }

    private static long n(JsonPath d, String path) {
        Number v = d.get(path);
        return v == null ? 0 : v.longValue();
    }

    private static BigDecimal money(JsonPath d, String path) {
        String v = d.get(path);
        return v == null ? BigDecimal.ZERO : new BigDecimal(v);
    }

    private static long vendorTotal(String status) {
        Number n = io.restassured.RestAssured.given().port(Admin.VENDOR).auth().oauth2(ADMIN)
                .get("/api/vendors/admin/vendors?limit=1&status=" + status).then().statusCode(200)
                .extract().path("data.pagination.total");
        return n.longValue();
    }

    private static String vendorProfile(String vendorId) {
        io.restassured.RestAssured.given().port(Admin.VENDOR).auth().oauth2(TestTokens.vendor(vendorId))
                .contentType("application/json").body("{\"name\":\"Dashboard vendor " + vendorId + "\"}")
                .put("/api/vendors/profile").then().statusCode(201);
        return vendorId;
    }

    private static String event(String... fields) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < fields.length; i += 2) {
            json.append(i == 0 ? "" : ",").append('"').append(fields[i]).append("\":").append(fields[i + 1]);
        }
        return json.append('}').toString();
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    @Test
    void countsMoveExactlyAsTheOwnersCountsAfterAScriptedJourney() {
        // the seller of the approved product is onboarded before the counts are taken (only active vendors sell)
        String vendorId = newId();
        Admin.activeVendor(vendorId);
        ReadModelBarrier.caughtUp();
        JsonPath before = dashboard();
        long authBefore = Admin.authTotal();
        Map<String, Long> marketBefore = Map.of("pending", Admin.marketplaceTotal("pending"),
                "active", Admin.marketplaceTotal("active"), "rejected", Admin.marketplaceTotal("rejected"));
        Map<String, Long> vendorsBefore = Map.of("pending", vendorTotal("pending"), "active", vendorTotal("active"));

        // accounts (auth publishes user.registered)
        Admin.register(null);
        Admin.register(null);
        // products (the marketplace publishes product.*), moderated here
        String vendor = TestTokens.vendor(vendorId);
        String approved = Admin.pendingProduct(vendor, "Dashboard approved");
        String rejected = Admin.pendingProduct(vendor, "Dashboard rejected");
        Admin.pendingProduct(vendor, "Dashboard pending");
        post(ADMIN, "/api/admin/products/" + approved + "/approve", "{}").statusCode(200);
        post(ADMIN, "/api/admin/products/" + rejected + "/reject", "{\"reason\":\"no\"}").statusCode(200);
        // vendors (the vendor service publishes vendor.*), reviewed here
        vendorProfile(newId());
        String reviewed = vendorProfile(newId());
        post(ADMIN, "/api/admin/vendors/" + reviewed + "/approve", "{}").statusCode(200);
        // orders, payments, a refund, payouts: as the order and vendor services' outboxes write them
        String now = q(Instant.now().toString());
        String o1 = UUID.randomUUID().toString();
        String o2 = UUID.randomUUID().toString();
        String seller = newId();
        publish("order.created", o1, "oc-" + o1, event("orderId", q(o1), "userId", q(newId()), "items", "[]",
                "subtotal", "10.00", "tax", "0", "total", "10.00", "currency", q("USD"), "timestamp", now));
        publish("order.created", o2, "oc-" + o2, event("orderId", q(o2), "userId", q(newId()), "items", "[]",
                "subtotal", "5.50", "tax", "0", "total", "5.50", "currency", q("EUR"), "timestamp", now));
        String paid1 = event("orderId", q(o1), "userId", q(newId()), "amount", "10.00", "currency", q("USD"),
                "paymentMethod", q("stripe"), "paymentId", q("pi_1"), "items", "[{\"productId\":\"" + approved
                        + "\",\"productName\":\"Dashboard approved\",\"vendorId\":\"" + seller
                        + "\",\"price\":5000.00,\"quantity\":2}]", "timestamp", now);
        publish("payment.success", o1, "ps-" + o1, paid1);
        publish("payment.success", o2, "ps-" + o2, event("orderId", q(o2), "amount", "5.50", "currency", q("EUR"),
                "items", "[]", "timestamp", now));
        publish("order.refunded", o2, "or-" + o2, event("orderId", q(o2), "amount", "5.50", "currency", q("EUR"),
                "items", "[]", "timestamp", now));
        String p1 = UUID.randomUUID().toString();
        String p2 = UUID.randomUUID().toString();
        publish("payout.requested", p1, "pr-" + p1, event("payoutId", q(p1), "vendorId", q(seller), "amount", "30.00",
                "currency", q("USD"), "status", q("requested"), "timestamp", now));
        publish("payout.requested", p2, "pr-" + p2, event("payoutId", q(p2), "vendorId", q(seller), "amount", "12.00",
                "currency", q("USD"), "status", q("requested"), "timestamp", now));
        publish("payout.approved", p2, "pa-" + p2, event("payoutId", q(p2), "vendorId", q(seller), "amount", "12.00",
                "currency", q("USD"), "status", q("approved"), "timestamp",
                q(Instant.now().plusMillis(5).toString())));
        // redelivery: the same payment event again (same ce_id) must not count twice
        publish("payment.success", o1, "ps-" + o1, paid1);
        // poison: unreadable payloads are skipped, the consumer goes on
        String poison = "poison-" + UUID.randomUUID();
        publish("order.created", "x", poison, "not json {");
        publish("order.created", "x", poison + "-array", "[1,2]");

        ReadModelBarrier.caughtUp();
        ReadModelBarrier.awaitProcessed("order-created", poison, Admin.EVENT_WAIT);
        JsonPath after = dashboard();

        long authDelta = Admin.authTotal() - authBefore;
        assertEquals(2, authDelta);
        assertEquals(authDelta, n(after, "data.users.total") - n(before, "data.users.total"), "users");
        assertEquals(2, n(after, "data.users.new7d") - n(before, "data.users.new7d"));
        assertEquals(2, n(after, "data.users.new30d") - n(before, "data.users.new30d"));
        for (String status : List.of("pending", "active", "rejected")) {
            long owner = Admin.marketplaceTotal(status) - marketBefore.get(status);
            assertEquals(1, owner, "marketplace " + status);
            assertEquals(owner, n(after, "data.products.byStatus." + status) - n(before, "data.products.byStatus." + status),
                    "products " + status);
        }
        for (String status : List.of("pending", "active")) {
            long owner = vendorTotal(status) - vendorsBefore.get(status);
            assertEquals(1, owner, "vendor service " + status);
            assertEquals(owner, n(after, "data.vendors.byStatus." + status) - n(before, "data.vendors.byStatus." + status),
                    "vendors " + status);
        }
        assertEquals(2, n(after, "data.orders.today") - n(before, "data.orders.today"));
        assertEquals(2, n(after, "data.orders.last7d") - n(before, "data.orders.last7d"));
        assertEquals(new BigDecimal("10.00"), money(after, "data.revenue.today.USD").subtract(money(before, "data.revenue.today.USD")));
        assertEquals(0, money(after, "data.revenue.today.EUR").compareTo(money(before, "data.revenue.today.EUR")));
        assertEquals(new BigDecimal("5.50"), money(after, "data.refunds.last7d.EUR").subtract(money(before, "data.refunds.last7d.EUR")));
        assertEquals(1, n(after, "data.payouts.awaitingApproval") - n(before, "data.payouts.awaitingApproval"));
        assertEquals(new BigDecimal("30.00"), money(after, "data.payouts.awaitingAmount.USD")
                .subtract(money(before, "data.payouts.awaitingAmount.USD")));
        assertEquals(n(after, "data.users.total"), n(after, "data.overview.totalUsers"));
        assertTrue(after.get("data.overview.monthlyActiveUsers") instanceof Number, "monthlyActiveUsers");
        assertTrue(after.get("data.overview.revenueGrowth") instanceof Number, "revenueGrowth");

        // recentActivity: the newest read-model facts, the orders just paid and refunded among them
        List<Map<String, Object>> activity = after.getList("data.recentActivity");
        assertTrue(activity.size() <= 10 && !activity.isEmpty(), activity.toString());
        for (Map<String, Object> a : activity) {
            assertTrue(List.of("user", "vendor", "product", "transaction").contains(a.get("type")), a.toString());
            assertTrue(List.of("success", "pending", "failed").contains(a.get("status")), a.toString());
            assertTrue(a.get("id") != null && a.get("action") != null && a.get("description") != null, a.toString());
            Instant.parse((String) a.get("timestamp"));
        }
        List<String> times = activity.stream().map(a -> (String) a.get("timestamp")).toList();
        assertEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times, "newest first");
        Map<String, Object> refund = activity.stream().filter(a -> ("order:" + o2 + ":refunded").equals(a.get("id")))
                .findFirst().orElseThrow(() -> new AssertionError("refund not in recentActivity: " + activity));
        assertEquals("transaction", refund.get("type"));
        assertEquals("success", refund.get("status"));
        assertTrue(((String) refund.get("description")).contains("5.50 EUR"), refund.toString());
        assertTrue(activity.stream().anyMatch(a -> ("order:" + o1 + ":paid").equals(a.get("id"))), activity.toString());

        // the paid line is the approved product's revenue in the admin product list (main currency); downloads are
        // the marketplace's own downloadCount (it counts the paid quantity, 2, from the same payment.success)
        com.autopilotmonster.testsupport.Eventually.await("the marketplace counted the paid line", Admin.EVENT_WAIT,
                () -> Integer.valueOf(2).equals(Admin.publicProduct(approved).extract().path("data.downloadCount")));
        get(ADMIN, "/api/admin/products?status=active&vendorId=" + vendorId).statusCode(200)
                .body("data.products.find { it._id == '" + approved + "' }.revenue", equalTo(10000.00f))
                .body("data.products.find { it._id == '" + approved + "' }.downloads", equalTo(2));

        // analytics from the same model: the paid line (priced high, so it ranks above other suites' sales) is a top product
        String from = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        JsonPath analytics = get(ADMIN, "/api/admin/analytics?granularity=hour&from=" + from).statusCode(200)
                .body("data.granularity", equalTo("hour")).extract().jsonPath();
        List<Map<String, Object>> top = analytics.getList("data.topProducts");
        Map<String, Object> line = top.stream().filter(p -> approved.equals(p.get("productId"))).findFirst()
                .orElseThrow(() -> new AssertionError("product not in topProducts: " + top));
        assertEquals(2, ((Number) line.get("quantity")).intValue());
        assertEquals("10000.00", ((Map<?, ?>) line.get("revenue")).get("USD"));
        List<Map<String, Object>> series = analytics.getList("data.series");
        long orders = series.stream().mapToLong(b -> ((Number) b.get("orders")).longValue()).sum();
        assertTrue(orders >= 2, "orders in the series: " + orders);
        assertTrue(analytics.getList("data.topVendors.vendorId").contains(seller));
    }

    @Test
    void aLateOlderEventNeverOverwritesANewerState() {
        ReadModelBarrier.caughtUp();
        JsonPath before = dashboard();
        String id = newId();
        Instant t = Instant.now();
        publish("product.updated", id, "pu-new-" + id, event("productId", q(id), "status", q("active"),
                "timestamp", q(t.toString())));
        publish("product.created", id, "pc-old-" + id, event("productId", q(id), "status", q("pending"),
                "timestamp", q(t.minusSeconds(60).toString())));
        ReadModelBarrier.caughtUp();
        JsonPath after = dashboard();
        assertEquals(1, n(after, "data.products.byStatus.active") - n(before, "data.products.byStatus.active"));
        assertEquals(0, n(after, "data.products.byStatus.pending") - n(before, "data.products.byStatus.pending"));
        publish("product.deleted", id, "pd-" + id, event("productId", q(id), "status", q("active"),
                "timestamp", q(t.plusSeconds(1).toString())));
        ReadModelBarrier.caughtUp();
        assertEquals(0, n(dashboard(), "data.products.byStatus.active") - n(before, "data.products.byStatus.active"));
    }

    @Test
    void loginsMakeMonthlyActiveUsersOnceEach() {
        ReadModelBarrier.caughtUp();
        long before = n(dashboard(), "data.overview.monthlyActiveUsers");
        String recent = newId();
        String returning = newId();
        Instant now = Instant.now();
        String login = event("userId", q(recent), "email", q(recent + "@example.test"), "timestamp", q(now.toString()));
        publish("user.logged-in", recent, "li-" + recent, login);
        publish("user.logged-in", recent, "li-" + recent, login); // redelivered
        publish("user.logged-in", recent, "li-2-" + recent, event("userId", q(recent), "timestamp",
                q(now.minus(1, ChronoUnit.DAYS).toString()))); // a second, older login
        publish("user.logged-in", returning, "li-old-" + returning, event("userId", q(returning), "timestamp",
                q(now.minus(40, ChronoUnit.DAYS).toString()))); // outside the 30 days
        publish("user.logged-in", "x", "li-poison-" + recent, "not json {");
        ReadModelBarrier.caughtUp();
        assertEquals(1, n(dashboard(), "data.overview.monthlyActiveUsers") - before);

        publish("user.logged-in", returning, "li-new-" + returning, event("userId", q(returning), "timestamp",
                q(now.toString())));
        // arrives late: never moves the last login back out of the window
        publish("user.logged-in", returning, "li-older-" + returning, event("userId", q(returning), "timestamp",
                q(now.minus(50, ChronoUnit.DAYS).toString())));
        ReadModelBarrier.caughtUp();
        assertEquals(2, n(dashboard(), "data.overview.monthlyActiveUsers") - before);
    }

    @Test
    void theHealthSummaryAsksEveryServiceWithinItsBound() {
        long start = System.nanoTime();
        JsonPath health = get(ADMIN, "/api/admin/dashboard").statusCode(200)
                .body("data.systemHealth.services.auth.status", equalTo("UP"))
                .body("data.systemHealth.services.marketplace.status", equalTo("UP"))
                .body("data.systemHealth.services.vendor.status", equalTo("UP"))
                .body("data.systemHealth.total", equalTo(7)).extract().jsonPath();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 5000, "dashboard with health took " + ms + " ms");
        // the original client's members: status from UP/DEGRADED/DOWN, uptime = services ready now (percent),
        // responseTime = mean readiness latency (ms), errorRate = failed probes since start (percent)
        int up = health.getInt("data.systemHealth.up");
        String status = health.getString("data.systemHealth.status");
        assertEquals(up == 7 ? "operational" : up == 0 ? "down" : "degraded", status);
        assertEquals(new BigDecimal(up * 100).divide(new BigDecimal(7), 2, java.math.RoundingMode.HALF_UP).doubleValue(),
                health.getDouble("data.systemHealth.uptime"), 0.001);
        Map<String, Map<String, Object>> services = health.getMap("data.systemHealth.services");
        double mean = services.values().stream().mapToLong(v -> ((Number) v.get("latencyMs")).longValue()).average().orElse(0);
        assertEquals(Math.round(mean), health.getLong("data.systemHealth.responseTime"));
        double errorRate = health.getDouble("data.systemHealth.errorRate");
        assertTrue(errorRate >= 0 && errorRate <= 100, "errorRate " + errorRate);
        if (up < 7) {
            assertTrue(errorRate > 0, "probes failed this round, errorRate " + errorRate);
        }
    }
}
