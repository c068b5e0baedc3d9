package com.autopilotmonster.admin.api;

import static com.autopilotmonster.admin.api.Admin.ADMIN;
import static com.autopilotmonster.admin.api.Admin.ADMIN_ID;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Admin actions taken directly at the other services (not through this one) reach this audit log too: each service
 * records a successful admin change as admin.audit in its own outbox, this service appends it once. Refused changes
 * and non-admins' changes leave nothing.
 */
class RecordedActionsIT {

    @BeforeAll
    static void servers() {
        Admin.target();
        Admin.awaitReady(Admin.VENDOR);
    }

    private static Optional<Map<String, Object>> entry(String targetId, String requestId) {
        return Admin.audit(targetId).stream().filter(e -> requestId.equals(e.get("requestId"))).findFirst();
    }

    @Test
    void anAdminChangeAtTheMarketplaceIsInTheAuditLog() {
        String vendorToken = TestTokens.vendor(Admin.newId());
        String productId = Admin.pendingProduct(vendorToken, "Recorded action " + UUID.randomUUID());

        String refused = "it-refused-" + UUID.randomUUID();
        given().port(Admin.MARKETPLACE).auth().oauth2(ADMIN).header("X-Request-Id", refused).contentType(ContentType.JSON)
                .body("{\"status\":\"sideways\"}").put("/api/marketplace/products/" + productId).then().statusCode(400);
        String byVendor = "it-vendor-" + UUID.randomUUID();
        given().port(Admin.MARKETPLACE).auth().oauth2(vendorToken).header("X-Request-Id", byVendor)
                .contentType(ContentType.JSON).body("{\"description\":\"The vendor's own edit of this workflow.\"}")
                .put("/api/marketplace/products/" + productId).then().statusCode(200);
        String accepted = "it-direct-" + UUID.randomUUID();
        given().port(Admin.MARKETPLACE).auth().oauth2(ADMIN).header("X-Request-Id", accepted).contentType(ContentType.JSON)
                .body("{\"status\":\"rejected\",\"reason\":\"Recorded at the marketplace\"}")
                .put("/api/marketplace/products/" + productId).then().statusCode(200);

        Map<String, Object> entry = Eventually.await("the marketplace's admin action in the audit log", Admin.EVENT_WAIT,
                () -> entry(productId, accepted).orElse(null));
        assertEquals(ADMIN_ID, entry.get("actorId"));
        assertEquals("marketplace:put", entry.get("action"));
        assertEquals("marketplace", entry.get("service"));
        assertEquals("/marketplace/products/{id}", entry.get("route"));
        assertEquals(200, entry.get("status"));
        // searchable like this service's own entries
        Admin.get(ADMIN, "/api/admin/audit?action=marketplace:put&actor=" + ADMIN_ID + "&target=" + productId)
                .statusCode(200).body("data.logs.requestId", org.hamcrest.Matchers.hasItem(accepted));
        // the outbox keeps a service's order: by now the refused and the vendor's changes would have arrived
        assertTrue(entry(productId, refused).isEmpty(), "a refused change is not an action");
        assertTrue(entry(productId, byVendor).isEmpty(), "a vendor's change is not an admin action");
    }

    @Test
    void adminChangesAtAuthAndTheVendorServiceAreInTheAuditLogOnce() {
        String userId = Admin.register(null);
        String atAuth = "it-auth-" + UUID.randomUUID();
        given().port(Admin.AUTH).auth().oauth2(ADMIN).header("X-Request-Id", atAuth).contentType(ContentType.JSON)
                .body("{\"isEmailVerified\":true}").put("/api/auth/users/" + userId).then().statusCode(200);
        Map<String, Object> authEntry = Eventually.await("auth's admin action in the audit log", Admin.EVENT_WAIT,
                () -> entry(userId, atAuth).orElse(null));
        assertEquals("auth:put", authEntry.get("action"));
        assertEquals("/auth/users/{id}", authEntry.get("route"));

        String vendorId = Admin.newId();
        given().port(Admin.VENDOR).auth().oauth2(TestTokens.vendor(vendorId)).contentType(ContentType.JSON)
                .body("{\"name\":\"Recorded vendor\"}").put("/api/vendors/profile").then().statusCode(201);
        String atVendor = "it-vendor-admin-" + UUID.randomUUID();
        given().port(Admin.VENDOR).auth().oauth2(ADMIN).header("X-Request-Id", atVendor).contentType(ContentType.JSON)
                .body("{}").post("/api/vendors/admin/vendors/" + vendorId + "/approve").then().statusCode(200);
        Map<String, Object> vendorEntry = Eventually.await("the vendor service's admin action in the audit log",
                Admin.EVENT_WAIT, () -> entry(vendorId, atVendor).orElse(null));
        assertEquals("vendor:post", vendorEntry.get("action"));
        assertEquals("/vendors/admin/vendors/{vendorId}/approve", vendorEntry.get("route"));
        List<Map<String, Object>> forRequest = Admin.audit(vendorId).stream()
                .filter(e -> atVendor.equals(e.get("requestId"))).toList();
        assertEquals(1, forRequest.size(), "recorded once: " + forRequest);
    }
}
