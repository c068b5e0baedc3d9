package com.autopilotmonster.admin.api;

import static com.autopilotmonster.admin.api.Admin.ADMIN;
import static com.autopilotmonster.admin.api.Admin.ADMIN_ID;
import static com.autopilotmonster.admin.api.Admin.get;
import static com.autopilotmonster.admin.api.Admin.newId;
import static com.autopilotmonster.admin.api.Admin.post;
import static com.autopilotmonster.admin.api.Admin.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real payout from sale to paid: the admin sets the holding period to 0 days in the platform settings (the vendor
 * service applies settings.updated without restart), a sale (payment.success) makes the vendor's net available at
 * once, the vendor requests a payout, the admin approves it and marks it paid through /api/admin/payouts, the vendor
 * sees it paid; both actions are audited. The holding period in force before is restored.
 */
class PayoutApprovalIT {

    @BeforeAll
    static void servers() {
        Admin.target();
        Admin.awaitReady(Admin.VENDOR);
    }

    private static RequestSpecification vendorApi(String token) {
        return given().port(Admin.VENDOR).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static int holdingAtTheVendorService(String token) {
        return vendorApi(token).get("/api/vendors/settings").then().statusCode(200).extract()
                .<Integer>path("data.payoutHoldingDays");
    }

    @Test
    void aSoldVendorsPayoutIsApprovedAndPaidThroughTheAdminService() {
        String vendorId = newId();
        String vendor = TestTokens.vendor(vendorId);
        vendorApi(vendor).body("{\"name\":\"Payout journey vendor\"}").put("/api/vendors/profile").then().statusCode(201);
        post(ADMIN, "/api/admin/vendors/" + vendorId + "/approve", "{}").statusCode(200);

        int before = get(ADMIN, "/api/admin/settings").statusCode(200).extract().<Integer>path("data.payoutHoldingDays");
        try {
            put(ADMIN, "/api/admin/settings", "{\"payoutHoldingDays\":0}").statusCode(200)
                    .body("data.payoutHoldingDays", equalTo(0));
            Eventually.await("the vendor service holds sales 0 days", Admin.EVENT_WAIT,
                    () -> holdingAtTheVendorService(vendor) == 0);

            String orderId = newId();
            Admin.publish("payment.success", orderId, "ps-" + UUID.randomUUID(), "{\"orderId\":\"" + orderId
                    + "\",\"userId\":\"" + newId() + "\",\"amount\":50.00,\"currency\":\"USD\",\"paymentMethod\":\"stripe\","
                    + "\"paymentId\":\"pi_" + UUID.randomUUID() + "\",\"items\":[{\"productId\":\"" + newId()
                    + "\",\"productName\":\"Payout agent\",\"vendorId\":\"" + vendorId + "\",\"price\":50.00,"
                    + "\"quantity\":1}],\"timestamp\":\"" + Instant.now() + "\"}");
            BigDecimal available = Eventually.await("the sale's net available at once", Admin.EVENT_WAIT, () -> {
                List<Map<String, Object>> totals = vendorApi(vendor).get("/api/vendors/earnings").then().statusCode(200)
                        .extract().jsonPath().getList("data.totals");
                return totals.stream().filter(t -> "USD".equals(t.get("currency"))).map(t -> new BigDecimal(
                        String.valueOf(t.get("available")))).filter(a -> a.signum() > 0).findFirst().orElse(null);
            });

            String payoutId = vendorApi(vendor).body("{\"amount\":" + available.toPlainString() + ",\"currency\":\"USD\"}")
                    .post("/api/vendors/payouts").then().statusCode(201).body("data.status", equalTo("requested"))
                    .extract().path("data.payoutId");
            Eventually.await("the payout in the admin's queue", Admin.EVENT_WAIT,
                    () -> get(ADMIN, "/api/admin/payouts?status=requested&limit=100").statusCode(200).extract()
                            .jsonPath().getList("data.payouts.payoutId").contains(payoutId));

            post(ADMIN, "/api/admin/payouts/" + payoutId + "/approve", "{}").statusCode(200)
                    .body("data.status", equalTo("approved"));
            post(ADMIN, "/api/admin/payouts/" + payoutId + "/paid", "{}").statusCode(200)
                    .body("data.status", equalTo("paid"));
            vendorApi(vendor).get("/api/vendors/payouts").then().statusCode(200)
                    .body("data.payouts.find { it.payoutId == '" + payoutId + "' }.status", equalTo("paid"));

            for (String action : new String[] {"payout.approve", "payout.paid"}) {
                Map<String, Object> entry = Admin.auditEntry(payoutId, action);
                assertEquals(ADMIN_ID, entry.get("actorId"));
                assertEquals("payout", entry.get("targetType"));
            }
            assertEquals("paid", ((Map<?, ?>) Admin.auditEntry(payoutId, "payout.paid").get("after")).get("status"));
        } finally {
            put(ADMIN, "/api/admin/settings", "{\"payoutHoldingDays\":" + before + "}").statusCode(200);
        }
    }
}
