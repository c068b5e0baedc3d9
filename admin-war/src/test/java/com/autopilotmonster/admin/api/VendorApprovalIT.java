package com.autopilotmonster.admin.api;

import static com.autopilotmonster.admin.api.Admin.ADMIN;
import static com.autopilotmonster.admin.api.Admin.ADMIN_ID;
import static com.autopilotmonster.admin.api.Admin.get;
import static com.autopilotmonster.admin.api.Admin.newId;
import static com.autopilotmonster.admin.api.Admin.post;
import static com.autopilotmonster.admin.api.Admin.problem;
import static com.autopilotmonster.admin.api.Admin.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vendor review and payout approval through the real vendor service. */
class VendorApprovalIT {

    @BeforeAll
    static void setUp() {
        Admin.target();
        Admin.awaitReady(Admin.VENDOR);
    }

    /** A vendor applies (its own profile in the vendor service): pending. */
    private static String apply(String name) {
        String vendorId = newId();
        given().port(Admin.VENDOR).auth().oauth2(TestTokens.vendor(vendorId)).contentType("application/json")
                .body("{\"name\":\"" + name + "\"}").put("/api/vendors/profile").then().statusCode(201)
                .body("data.status", equalTo("pending"));
        return vendorId;
    }

    private static String ownStatus(String vendorId) {
        return given().port(Admin.VENDOR).auth().oauth2(TestTokens.vendor(vendorId)).get("/api/vendors/profile").then()
                .statusCode(200).extract().path("data.status");
    }

    @Test
    void pendingApprovedSuspendedReactivatedAndEveryStepAudited() {
        String vendorId = apply("Approval journey vendor");
        get(ADMIN, "/api/admin/vendors?status=pending&q=" + vendorId).statusCode(200)
                .body("data.vendors.vendorId", hasItem(vendorId));
        get(ADMIN, "/api/admin/vendors/" + vendorId).statusCode(200).body("data.status", equalTo("pending"));

        post(ADMIN, "/api/admin/vendors/" + vendorId + "/approve", "{}").statusCode(200)
                .body("message", equalTo("Vendor approved")).body("data.status", equalTo("active"))
                // the original client's AdminVendor.rating: the vendor's averageRating (no review yet)
                .body("data.rating", equalTo(0.0f)).body("data.averageRating", equalTo(0.0f));
        get(ADMIN, "/api/admin/vendors/" + vendorId).statusCode(200).body("data.rating", equalTo(0.0f));
        get(ADMIN, "/api/admin/vendors?status=active&q=" + vendorId).statusCode(200)
                .body("data.vendors.find { it.vendorId == '" + vendorId + "' }.rating", equalTo(0.0f));
        assertEquals("active", ownStatus(vendorId));
        get(ADMIN, "/api/admin/vendors?status=pending&q=" + vendorId).statusCode(200)
                .body("data.vendors.vendorId", not(hasItem(vendorId)));
        // the original client's word for active
        get(ADMIN, "/api/admin/vendors?status=approved&q=" + vendorId).statusCode(200)
                .body("data.vendors.vendorId", hasItem(vendorId));

        post(ADMIN, "/api/admin/vendors/" + vendorId + "/suspend", "{\"reason\":\"Chargebacks\"}").statusCode(200)
                .body("data.status", equalTo("suspended"));
        post(ADMIN, "/api/admin/vendors/" + vendorId + "/reactivate", "{}").statusCode(200)
                .body("data.status", equalTo("active"));
        put(ADMIN, "/api/admin/vendors/" + vendorId, "{\"name\":\"Renamed by admin\"}").statusCode(200)
                .body("data.name", equalTo("Renamed by admin"));

        for (String action : new String[] {"vendor.approve", "vendor.suspend", "vendor.reactivate", "vendor.update"}) {
            Map<String, Object> entry = Admin.auditEntry(vendorId, action);
            assertEquals(ADMIN_ID, entry.get("actorId"));
            assertEquals("vendor", entry.get("targetType"));
        }
        Map<String, Object> approve = Admin.auditEntry(vendorId, "vendor.approve");
        assertEquals("pending", ((Map<?, ?>) approve.get("before")).get("status"));
        assertEquals("active", ((Map<?, ?>) approve.get("after")).get("status"));
        // the audit log filters by actor and action
        get(ADMIN, "/api/admin/audit?actor=" + ADMIN_ID + "&action=vendor.suspend&target=" + vendorId).statusCode(200)
                .body("data.pagination.total", equalTo(1)).body("data.logs[0].action", equalTo("vendor.suspend"));
    }

    @Test
    void rejectWithoutAReasonIs400HereAndTheVendorStaysPending() {
        String vendorId = apply("Reject journey vendor");
        problem(post(ADMIN, "/api/admin/vendors/" + vendorId + "/reject", "{}"), 400)
                .body("errors.field", hasItem("reason"));
        assertEquals("pending", ownStatus(vendorId));
        assertTrue(Admin.audit(vendorId).isEmpty());
        post(ADMIN, "/api/admin/vendors/" + vendorId + "/reject", "{\"reason\":\"Incomplete profile\"}").statusCode(200)
                .body("data.status", equalTo("rejected"));
        assertEquals("rejected", ownStatus(vendorId));
        // the owner's rules: a rejected vendor cannot be suspended (its 4xx passes through)
        int status = post(ADMIN, "/api/admin/vendors/" + vendorId + "/suspend", "{}").extract().statusCode();
        assertTrue(status == 409 || status == 422 || status == 400, "suspend a rejected vendor: " + status);
        problem(get(ADMIN, "/api/admin/vendors/" + newId()), 404);
    }

    @Test
    void payoutsAreListedAndTheirActionsReachTheVendorService() {
        get(ADMIN, "/api/admin/payouts?status=requested").statusCode(200).body("data.pagination.page", equalTo(1))
                .body("data.keySet()", hasItem("payouts"));
        problem(post(ADMIN, "/api/admin/payouts/" + newId() + "/reject", "{}"), 400);
        problem(post(ADMIN, "/api/admin/payouts/" + newId() + "/approve", "{}"), 404);
        problem(post(ADMIN, "/api/admin/payouts/" + newId() + "/paid", "{}"), 404);
    }
}
