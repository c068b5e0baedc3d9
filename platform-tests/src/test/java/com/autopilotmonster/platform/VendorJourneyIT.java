package com.autopilotmonster.platform;

import static com.autopilotmonster.platform.Platform.api;
import static com.autopilotmonster.platform.Platform.post;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.testsupport.Eventually;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seller's journey through the gateway over the real auth, vendor, marketplace, cart and order servers:
 * register as vendor, create the vendor record (pending), a product through /api/vendors/products that cannot be
 * published until the admin approves the vendor (admin endpoints of the vendor service), then is; a customer buys
 * it in the sandbox checkout and the vendor's earnings show the net amount (price - commission) for that order.
 */
class VendorJourneyIT {

    private static final String PASSWORD = "vendor journey passphrase " + UUID.randomUUID();

    @BeforeAll
    static void platform() {
        Platform.ready();
    }

    @Test
    void onboardApproveSellAndSeeTheNetEarnings() {
        JsonPath vendor = Platform.register("vendor", PASSWORD);
        String token = vendor.getString("data.accessToken");
        String vendorId = vendor.getString("data.user.userId");
        String admin = Platform.adminToken();

        api(token).body("{\"name\":\"Journey Seller\",\"description\":\"Inbox agents\"}").put("/api/vendors/profile")
                .then().statusCode(201).body("data.status", equalTo("pending")).body("data.vendorId", equalTo(vendorId));
        String productId = post(token, "/api/vendors/products", "{\"name\":\"Seller journey " + UUID.randomUUID()
                + "\",\"description\":\"Drafts replies\",\"price\":25.00,\"category\":\"automation\",\"tags\":[\"email\"]}")
                .statusCode(201).body("data.status", equalTo("pending")).extract().path("data._id");
        Eventually.await("the marketplace refuses to publish a pending vendor's product", Duration.ofSeconds(60),
                () -> api(admin).body("{\"status\":\"active\"}").put("/api/marketplace/products/{id}", productId)
                        .statusCode() == 409);

        api(admin).get("/api/vendors/admin/vendors?status=pending").then().statusCode(200)
                .body("data.vendors.vendorId", hasItem(vendorId));
        api(admin).post("/api/vendors/admin/vendors/{id}/approve", vendorId).then().statusCode(200)
                .body("data.status", equalTo("active"));
        Eventually.await("published once the vendor is active", Duration.ofSeconds(60),
                () -> api(admin).body("{\"status\":\"active\"}").put("/api/marketplace/products/{id}", productId)
                        .statusCode() == 200);
        api(token).get("/api/vendors/products?status=active").then().statusCode(200)
                .body("data.products._id", hasItem(productId));

        String customer = Platform.register("user", PASSWORD).getString("data.accessToken");
        post(customer, "/api/cart/items", "{\"productId\":\"" + productId + "\",\"quantity\":1}")
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        String orderId = post(customer, "/api/orders", "{\"billingAddress\":{\"name\":\"Buyer\",\"email\":\"b@example.test\","
                + "\"address\":\"1 Main St\",\"city\":\"Springfield\",\"country\":\"US\",\"zip\":\"12345\"}}")
                .statusCode(201).extract().path("data.orderId");
        post(customer, "/api/orders/" + orderId + "/payment", "{\"paymentMethod\":\"stripe\"}").statusCode(200);
        post(customer, "/api/orders/" + orderId + "/sandbox/complete", "{\"outcome\":\"succeeded\"}").statusCode(200)
                .body("data.order.status", equalTo("completed"));

        // net pending for the holding period (or available at once with VENDOR_HOLDING_DAYS=0)
        Map<String, Object> usd = Eventually.await("the sale in the vendor's earnings", Duration.ofSeconds(60), () -> {
            JsonPath earnings = api(token).get("/api/vendors/earnings").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> entries = earnings.getList("data.entries");
            boolean seen = entries.stream().anyMatch(e -> orderId.equals(e.get("orderId")));
            List<Map<String, Object>> totals = earnings.getList("data.totals");
            return seen && !totals.isEmpty() ? totals.get(0) : null;
        });
        // the rate in force (the admin service's settings.updated may have changed the 20 % default)
        BigDecimal rate = new BigDecimal(api(token).get("/api/vendors/settings").then().statusCode(200)
                .extract().<String>path("data.commissionRate"));
        BigDecimal gross = new BigDecimal("25.00");
        BigDecimal net = gross.subtract(gross.multiply(rate).setScale(2, java.math.RoundingMode.HALF_UP));
        assertEquals(0, net.compareTo(new BigDecimal(usd.get("lifetime").toString())), usd + " rate " + rate);
        api(Platform.register("user", PASSWORD).getString("data.accessToken")).get("/api/vendors/earnings").then().statusCode(403);
    }

    private static BigDecimal usd(String vendorToken, String field) {
        List<Map<String, Object>> totals = api(vendorToken).get("/api/vendors/earnings").then().statusCode(200).extract()
                .jsonPath().getList("data.totals");
        return totals.stream().filter(t -> "USD".equals(t.get("currency"))).map(t -> new BigDecimal(String.valueOf(t.get(field))))
                .findFirst().orElse(BigDecimal.ZERO);
    }

    /**
     * The whole money chain on the real servers: the admin shortens the holding period (platform settings), a
     * customer buys through the sandbox, the net becomes available, the vendor requests a payout that the admin
     * approves and marks paid (sandbox transfer), then the sale is refunded by the provider's signed webhook:
     * the vendor's balance goes negative by the net and says so.
     */
    @Test
    void saleAvailablePayoutPaidThenARefundLeavesANegativeBalance() {
        String admin = Platform.adminToken();
        int holdingBefore = api(admin).get("/api/admin/settings").then().statusCode(200).extract()
                .<Integer>path("data.payoutHoldingDays");
        try {
            api(admin).body("{\"payoutHoldingDays\":0}").put("/api/admin/settings").then().statusCode(200);
            JsonPath vendor = Platform.approvedVendor(PASSWORD);
            String token = vendor.getString("data.accessToken");
            Eventually.await("the vendor service applies the holding period", Duration.ofSeconds(60), () -> Integer.valueOf(0)
                    .equals(api(token).get("/api/vendors/settings").then().statusCode(200).extract().path("data.payoutHoldingDays")));
            String productId = post(token, "/api/vendors/products", "{\"name\":\"Money chain " + UUID.randomUUID()
                    + "\",\"description\":\"Reconciles invoices\",\"price\":40.00,\"category\":\"automation\"}")
                    .statusCode(201).extract().path("data._id");
            api(admin).body("{\"status\":\"active\"}").put("/api/marketplace/products/{id}", productId).then().statusCode(200);

            String customer = Platform.register("user", PASSWORD).getString("data.accessToken");
            post(customer, "/api/cart/items", "{\"productId\":\"" + productId + "\",\"quantity\":1}").statusCode(200);
            JsonPath order = post(customer, "/api/orders", "{\"billingAddress\":{\"name\":\"Buyer\",\"email\":\"b@example.test\","
                    + "\"address\":\"1 Main St\",\"city\":\"Springfield\",\"country\":\"US\",\"zip\":\"12345\"}}")
                    .statusCode(201).extract().jsonPath();
            String orderId = order.getString("data.orderId");
            long totalCents = new BigDecimal(order.getString("data.total")).movePointRight(2).longValueExact();
            post(customer, "/api/orders/" + orderId + "/payment", "{\"paymentMethod\":\"stripe\"}").statusCode(200);
            post(customer, "/api/orders/" + orderId + "/sandbox/complete", "{\"outcome\":\"succeeded\"}").statusCode(200)
                    .body("data.order.status", equalTo("completed"));
            String intent = api(customer).get("/api/orders/" + orderId).then().statusCode(200).extract().path("data.paymentIntent");

            BigDecimal rate = new BigDecimal(api(token).get("/api/vendors/settings").then().statusCode(200)
                    .extract().<String>path("data.commissionRate"));
            BigDecimal gross = new BigDecimal("40.00");
            BigDecimal net = gross.subtract(gross.multiply(rate).setScale(2, java.math.RoundingMode.HALF_UP));
            Eventually.await("the net available at once (holding 0)", Duration.ofSeconds(60),
                    () -> usd(token, "available").compareTo(net) == 0);

            String payoutId = api(token).body("{\"amount\":" + net.toPlainString() + ",\"currency\":\"USD\"}")
                    .post("/api/vendors/payouts").then().statusCode(201).body("data.status", equalTo("requested"))
                    .extract().path("data.payoutId");
            Eventually.await("the payout in the admin's queue", Duration.ofSeconds(60), () -> api(admin)
                    .get("/api/admin/payouts?status=requested&limit=100").then().statusCode(200).extract().jsonPath()
                    .getList("data.payouts.payoutId").contains(payoutId));
            api(admin).body("{}").post("/api/admin/payouts/" + payoutId + "/approve").then().statusCode(200)
                    .body("data.status", equalTo("approved"));
            api(admin).body("{}").post("/api/admin/payouts/" + payoutId + "/paid").then().statusCode(200);
            api(token).get("/api/vendors/payouts").then().statusCode(200)
                    .body("data.payouts.find { it.payoutId == '" + payoutId + "' }.status", equalTo("paid"));
            assertEquals(0, usd(token, "paidOut").compareTo(net));
            assertEquals(0, usd(token, "available").signum());

            // the provider refunds the sale after the payout: signed webhook, order refunded, the vendor owes the net
            long now = java.time.Instant.now().getEpochSecond();
            String refund = "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\",\"created\":"
                    + now + ",\"type\":\"charge.refunded\",\"data\":{\"object\":{\"id\":\"ch_" + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"object\":\"charge\",\"amount\":" + totalCents + ",\"amount_refunded\":" + totalCents
                    + ",\"currency\":\"usd\",\"refunded\":true,\"payment_intent\":\"" + intent + "\"}}}";
            api().header("Stripe-Signature", Platform.stripeSignature(refund, Platform.SANDBOX_SECRET, now)).body(refund)
                    .post("/api/orders/webhooks/stripe").then().statusCode(200);
            api(customer).get("/api/orders/" + orderId).then().body("data.status", equalTo("refunded"));
            Eventually.await("the refund debited after the payout", Duration.ofSeconds(60),
                    () -> usd(token, "available").compareTo(net.negate()) == 0);
            List<Map<String, Object>> totals = api(token).get("/api/vendors/earnings").then().statusCode(200).extract()
                    .jsonPath().getList("data.totals");
            assertEquals(Boolean.TRUE, totals.stream().filter(t -> "USD".equals(t.get("currency"))).findFirst().orElseThrow()
                    .get("negativeBalance"));
        } finally {
            api(admin).body("{\"payoutHoldingDays\":" + holdingBefore + "}").put("/api/admin/settings").then().statusCode(200);
        }
    }
}
