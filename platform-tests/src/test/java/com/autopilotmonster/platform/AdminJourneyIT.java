package com.autopilotmonster.platform;

import static com.autopilotmonster.platform.Platform.api;
import static com.autopilotmonster.platform.Platform.post;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.testsupport.Eventually;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's journeys through the gateway, on the real servers: a vendor and its product go live only through
 * the admin service's approvals (each audited; a rejection needs a reason; customers and vendors are refused), and
 * a commission change made in the admin settings is what the vendor service charges on the very next sale, no
 * restart in between.
 */
class AdminJourneyIT {

    private static final String PASSWORD = "admin journey passphrase " + UUID.randomUUID();
    private static final String BUYER_ADDRESS = "{\"billingAddress\":{\"name\":\"Buyer\",\"email\":\"b@example.test\","
            + "\"address\":\"1 Main St\",\"city\":\"Springfield\",\"country\":\"US\",\"zip\":\"12345\"}}";

    @BeforeAll
    static void platform() {
        Platform.ready();
        Platform.readyAlso(Map.of("admin", 4007));
    }

    /** A vendor account with its vendor record (pending); answers {token, vendorId}. */
    private static String[] applyingVendor() {
        JsonPath vendor = Platform.register("vendor", PASSWORD);
        String token = vendor.getString("data.accessToken");
        String vendorId = vendor.getString("data.user.userId");
        api(token).body("{\"name\":\"Admin journey seller\",\"description\":\"Approval agents\"}").put("/api/vendors/profile")
                .then().statusCode(201).body("data.status", equalTo("pending"));
        return new String[] {token, vendorId};
    }

    private static String product(String vendorToken, String name, String price) {
        return post(vendorToken, "/api/vendors/products", "{\"name\":\"" + name + "\",\"description\":\"Approves "
                + "things\",\"price\":" + price + ",\"category\":\"automation\",\"tags\":[\"ops\"]}")
                .statusCode(201).body("data.status", equalTo("pending")).extract().path("data._id");
    }

    private static List<Map<String, Object>> audit(String admin, String targetId) {
        return api(admin).get("/api/admin/audit?target={t}&limit=100", targetId).then().statusCode(200)
                .extract().jsonPath().getList("data.logs");
    }

    private static Map<String, Object> auditEntry(String admin, String targetId, String action) {
        return audit(admin, targetId).stream().filter(e -> action.equals(e.get("action"))).findFirst()
                .orElseThrow(() -> new AssertionError("no audit entry " + action + " for " + targetId));
    }

    @Test
    void vendorAndProductGoLiveThroughTheAdminServiceOnly() {
        String admin = Platform.adminToken();
        String adminId = Platform.post(null, "/api/auth/login", Platform.ADMIN_LOGIN).statusCode(200)
                .extract().path("data.user._id");
        String[] vendor = applyingVendor();
        String vendorToken = vendor[0];
        String vendorId = vendor[1];
        String customer = Platform.register("user", PASSWORD).getString("data.accessToken");

        // customers and vendors are refused at the admin endpoints, through the gateway
        for (String token : new String[] {customer, vendorToken}) {
            api(token).get("/api/admin/vendors?status=pending").then().statusCode(403)
                    .contentType("application/problem+json");
            api(token).body("{}").post("/api/admin/vendors/{id}/approve", vendorId).then().statusCode(403);
            api(token).body("{}").post("/api/admin/products/{id}/approve", "0123456789abcdef01234567").then()
                    .statusCode(403);
            api(token).get("/api/admin/audit").then().statusCode(403);
            api(token).body("{\"commissionRate\":\"0.01\"}").put("/api/admin/settings").then().statusCode(403);
        }
        api(vendorToken).get("/api/vendors/profile").then().statusCode(200).body("data.status", equalTo("pending"));

        // the admin's queue shows the pending vendor; a rejection without a reason is refused and changes nothing
        api(admin).get("/api/admin/vendors?status=pending&q={id}", vendorId).then().statusCode(200)
                .body("data.vendors.vendorId", hasItem(vendorId));
        api(admin).body("{}").post("/api/admin/vendors/{id}/reject", vendorId).then().statusCode(400)
                .contentType("application/problem+json");
        api(admin).body("{}").post("/api/admin/vendors/{id}/approve", vendorId).then().statusCode(200)
                .body("data.status", equalTo("active"));
        api(vendorToken).get("/api/vendors/profile").then().statusCode(200).body("data.status", equalTo("active"));
        Map<String, Object> vendorApproval = auditEntry(admin, vendorId, "vendor.approve");
        assertEquals(adminId, vendorApproval.get("actorId"));
        assertEquals(List.of("vendor.approve"), audit(admin, vendorId).stream().map(e -> e.get("action"))
                .filter(a -> String.valueOf(a).startsWith("vendor.")).toList(), "the refused rejection left no entry");

        // the vendor's product waits for moderation, then is public right after the approval
        String name = "Admin journey agent " + UUID.randomUUID();
        String productId = product(vendorToken, name, "30.00");
        Eventually.await("the product in the admin's pending queue", Duration.ofSeconds(60),
                () -> api(admin).get("/api/admin/products?status=pending&limit=100&vendorId={v}", vendorId).then()
                        .statusCode(200).extract().jsonPath().getList("data.products._id").contains(productId));
        api().get("/api/marketplace/products/{id}", productId).then().statusCode(404);
        api(admin).body("{\"reason\":\"\"}").post("/api/admin/products/{id}/reject", productId).then().statusCode(400)
                .contentType("application/problem+json");
        // the marketplace learns the vendor's approval from vendor.approved: until then it refuses to publish (409)
        Eventually.await("the product approved", Duration.ofSeconds(60),
                () -> api(admin).body("{}").post("/api/admin/products/{id}/approve", productId).statusCode() == 200);
        api().get("/api/marketplace/products/{id}", productId).then().statusCode(200).body("data.status", equalTo("active"));
        api().get("/api/marketplace/products?search={n}", name).then().statusCode(200)
                .body("data.products._id", hasItem(productId));
        assertEquals("active", ((Map<?, ?>) auditEntry(admin, productId, "product.approve").get("after")).get("status"));

        // a second product rejected with its reason: never public, audited
        String rejected = product(vendorToken, "Admin journey rejected " + UUID.randomUUID(), "12.00");
        Eventually.await("the second product pending", Duration.ofSeconds(60),
                () -> api(admin).get("/api/admin/products?status=pending&limit=100&vendorId={v}", vendorId).then()
                        .statusCode(200).extract().jsonPath().getList("data.products._id").contains(rejected));
        api(admin).body("{\"reason\":\"Describe what it does\"}").post("/api/admin/products/{id}/reject", rejected).then()
                .statusCode(200).body("data.status", equalTo("rejected"));
        api().get("/api/marketplace/products/{id}", rejected).then().statusCode(404);
        api().get("/api/marketplace/products?search={n}", "Admin journey rejected").then().statusCode(200)
                .body("data.products._id", not(hasItem(rejected)));
        auditEntry(admin, rejected, "product.reject");
    }

    @Test
    void aCommissionChangeAppliesToTheNextSaleWithoutRestart() {
        String admin = Platform.adminToken();
        String before = api(admin).get("/api/admin/settings").then().statusCode(200).extract().path("data.commissionRate");
        String rate = "0.2".equals(new BigDecimal(before).stripTrailingZeros().toPlainString()) ? "0.13" : "0.17";
        try {
            String[] vendor = applyingVendor();
            String vendorToken = vendor[0];
            api(admin).body("{}").post("/api/admin/vendors/{id}/approve", vendor[1]).then().statusCode(200);
            String productId = product(vendorToken, "Commission journey " + UUID.randomUUID(), "25.00");
            Eventually.await("the product approved once the marketplace knows the vendor", Duration.ofSeconds(60),
                    () -> api(admin).body("{}").post("/api/admin/products/{id}/approve", productId).statusCode() == 200);

            api(admin).body("{\"commissionRate\":\"" + rate + "\"}").put("/api/admin/settings").then().statusCode(200)
                    .body("data.commissionRate", equalTo(rate));
            Eventually.await("the vendor service applies the new rate", Duration.ofSeconds(60),
                    () -> new BigDecimal(api(vendorToken).get("/api/vendors/settings").then().statusCode(200).extract()
                            .<String>path("data.commissionRate")).compareTo(new BigDecimal(rate)) == 0);

            String customer = Platform.register("user", PASSWORD).getString("data.accessToken");
            post(customer, "/api/cart/items", "{\"productId\":\"" + productId + "\",\"quantity\":1}")
                    .statusCode(anyOf(equalTo(200), equalTo(201)));
            String orderId = post(customer, "/api/orders", BUYER_ADDRESS).statusCode(201).extract().path("data.orderId");
            post(customer, "/api/orders/" + orderId + "/payment", "{\"paymentMethod\":\"stripe\"}").statusCode(200);
            post(customer, "/api/orders/" + orderId + "/sandbox/complete", "{\"outcome\":\"succeeded\"}").statusCode(200)
                    .body("data.order.status", equalTo("completed"));

            Map<String, Object> entry = Eventually.await("the sale's ledger entry", Duration.ofSeconds(60), () -> {
                List<Map<String, Object>> entries = api(vendorToken).get("/api/vendors/earnings").then().statusCode(200)
                        .extract().jsonPath().getList("data.entries");
                return entries.stream().filter(e -> orderId.equals(e.get("orderId"))).findFirst().orElse(null);
            });
            BigDecimal gross = new BigDecimal("25.00");
            BigDecimal expectedNet = gross.subtract(gross.multiply(new BigDecimal(rate)).setScale(2, RoundingMode.HALF_UP));
            assertEquals(0, new BigDecimal(rate).compareTo(new BigDecimal(entry.get("commissionRate").toString())), entry.toString());
            assertEquals(0, expectedNet.compareTo(new BigDecimal(entry.get("net").toString())), entry.toString());
        } finally {
            api(admin).body("{\"commissionRate\":\"" + before + "\"}").put("/api/admin/settings").then().statusCode(200);
        }
    }
}
