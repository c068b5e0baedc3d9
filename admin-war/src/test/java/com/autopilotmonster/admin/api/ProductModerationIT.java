package com.autopilotmonster.admin.api;

import static com.autopilotmonster.admin.api.Admin.ADMIN;
import static com.autopilotmonster.admin.api.Admin.ADMIN_ID;
import static com.autopilotmonster.admin.api.Admin.delete;
import static com.autopilotmonster.admin.api.Admin.get;
import static com.autopilotmonster.admin.api.Admin.newId;
import static com.autopilotmonster.admin.api.Admin.post;
import static com.autopilotmonster.admin.api.Admin.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The product approval journey through the real marketplace: pending -> approve -> live; reject needs a reason. */
class ProductModerationIT {

    @BeforeAll
    static void setUp() {
        Admin.target();
    }

    @Test
    void pendingThenApprovedIsInThePublicListingRightAfter() {
        String vendorId = newId();
        String vendor = TestTokens.vendor(vendorId);
        String id = Admin.pendingProduct(vendor, "Approval journey");
        Admin.publicProduct(id).statusCode(404);

        get(ADMIN, "/api/admin/products?status=pending&vendorId=" + vendorId).statusCode(200)
                .body("data.products._id", hasItem(id)).body("data.pagination.total", equalTo(1));

        Admin.activeVendor(vendorId);
        post(ADMIN, "/api/admin/products/" + id + "/approve", "{}").statusCode(200)
                .body("message", equalTo("Product approved")).body("data.status", equalTo("active"))
                // the original client's AdminProduct: downloads (downloadCount) and revenue (no paid sale yet)
                .body("data.downloads", equalTo(0)).body("data.revenue", equalTo(0.0f));
        get(ADMIN, "/api/admin/products?status=active&vendorId=" + vendorId).statusCode(200)
                .body("data.products[0].downloads", equalTo(0)).body("data.products[0].revenue", equalTo(0.0f));
        get(ADMIN, "/api/admin/products?vendorId=" + vendorId).statusCode(200)
                .body("data.products[0].revenue", equalTo(0.0f));
        // live right after: the public product and the public listing
        Admin.publicProduct(id).statusCode(200).body("data.status", equalTo("active"));
        given().port(Admin.MARKETPLACE).get("/api/marketplace/products?vendorId=" + vendorId).then().statusCode(200)
                .body("data.products._id", hasItem(id));

        Map<String, Object> entry = Admin.auditEntry(id, "product.approve");
        assertEquals(ADMIN_ID, entry.get("actorId"));
        assertEquals("pending", ((Map<?, ?>) entry.get("before")).get("status"));
        assertEquals("active", ((Map<?, ?>) entry.get("after")).get("status"));
    }

    @Test
    void rejectNeedsAReasonAndDeleteRemovesTheProduct() {
        String vendorId = newId();
        String vendor = TestTokens.vendor(vendorId);
        String id = Admin.pendingProduct(vendor, "Reject journey");

        problem(post(ADMIN, "/api/admin/products/" + id + "/reject", "{}"), 400);
        problem(post(ADMIN, "/api/admin/products/" + id + "/reject", "{\"reason\":\"\"}"), 400);
        // refused before the marketplace was asked: still pending, nothing audited
        given().port(Admin.MARKETPLACE).auth().oauth2(ADMIN).get("/api/marketplace/products/" + id).then()
                .statusCode(200).body("data.status", equalTo("pending"));
        assertTrue(Admin.audit(id).isEmpty());

        post(ADMIN, "/api/admin/products/" + id + "/reject", "{\"reason\":\"Screenshots missing\"}").statusCode(200)
                .body("data.status", equalTo("rejected")).body("data.rejectionReason", equalTo("Screenshots missing"));
        Admin.publicProduct(id).statusCode(404);
        assertEquals("rejected", ((Map<?, ?>) Admin.auditEntry(id, "product.reject").get("after")).get("status"));

        delete(ADMIN, "/api/admin/products/" + id).statusCode(200).body("message", equalTo("Product deleted"));
        given().port(Admin.MARKETPLACE).auth().oauth2(ADMIN).get("/api/marketplace/products/" + id).then().statusCode(404);
        Admin.auditEntry(id, "product.delete");
        // the owner's 404 for an unknown product
        problem(post(ADMIN, "/api/admin/products/" + newId() + "/approve", "{}"), 404);
    }

    @Test
    void withoutAStatusTheQueueListsPendingFirst() {
        String vendorId = newId();
        String vendor = TestTokens.vendor(vendorId);
        String active = Admin.pendingProduct(vendor, "Queue active");
        Admin.activeVendor(vendorId);
        post(ADMIN, "/api/admin/products/" + active + "/approve", "{}").statusCode(200);
        String pending1 = Admin.pendingProduct(vendor, "Queue pending 1");
        String rejected = Admin.pendingProduct(vendor, "Queue rejected");
        post(ADMIN, "/api/admin/products/" + rejected + "/reject", "{\"reason\":\"no\"}").statusCode(200);
        String pending2 = Admin.pendingProduct(vendor, "Queue pending 2");

        List<String> statuses = get(ADMIN, "/api/admin/products?vendorId=" + vendorId).statusCode(200)
                .body("data.pagination.total", equalTo(4)).extract().path("data.products.status");
        assertEquals(List.of("pending", "pending", "active", "rejected"), statuses);
        // paged across the statuses: page 2 of size 3 is the rejected one
        get(ADMIN, "/api/admin/products?vendorId=" + vendorId + "&limit=3&page=2").statusCode(200)
                .body("data.products._id", equalTo(List.of(rejected))).body("data.pagination.pages", equalTo(2));
        get(ADMIN, "/api/admin/products?vendorId=" + vendorId + "&limit=3").statusCode(200)
                .body("data.products._id", hasItem(pending1)).body("data.products._id", hasItem(pending2))
                .body("data.products._id", not(hasItem(rejected)));
    }
}
