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
}
