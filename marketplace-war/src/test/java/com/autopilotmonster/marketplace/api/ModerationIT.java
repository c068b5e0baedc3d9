package com.autopilotmonster.marketplace.api;

import static com.autopilotmonster.marketplace.api.Catalog.ADMIN;
import static com.autopilotmonster.marketplace.api.Catalog.create;
import static com.autopilotmonster.marketplace.api.Catalog.newId;
import static com.autopilotmonster.marketplace.api.Catalog.productJson;
import static com.autopilotmonster.marketplace.api.Catalog.put;
import static com.autopilotmonster.marketplace.api.Catalog.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admin moderation through PUT, the fields vendors may never set (refused: 403), and vendors' own listings. */
class ModerationIT {

    private static final String PRODUCTS = "/api/marketplace/products";

    @BeforeAll
    static void target() {
        ServiceUnderTest.target(4003);
    }

    @Test
    void adminsApproveAndRejectWithAReason() {
        String vendor = TestTokens.vendor(newId());
        String id = create(vendor, productJson("Moderated", uniqueSlug("mod"), "3"));
        put(ADMIN, PRODUCTS + "/" + id, "{\"status\":\"rejected\"}").statusCode(400)
                .body("message", containsString("reason"));
        put(ADMIN, PRODUCTS + "/" + id, "{\"status\":\"rejected\",\"reason\":\"  Screenshots missing \"}").statusCode(200)
                .body("data.status", equalTo("rejected")).body("data.rejectionReason", equalTo("Screenshots missing"));
        given().auth().oauth2(vendor).get(PRODUCTS + "/" + id).then().statusCode(200)
                .body("data.rejectionReason", equalTo("Screenshots missing"));
        given().get(PRODUCTS + "/" + id).then().statusCode(404);
        Catalog.approveVendorOf(id);
        put(ADMIN, PRODUCTS + "/" + id, "{\"status\":\"active\"}").statusCode(200)
                .body("data.status", equalTo("active")).body("data.rejectionReason", nullValue());
        given().get(PRODUCTS + "/" + id).then().statusCode(200);
        put(ADMIN, PRODUCTS + "/" + id, "{\"status\":\"published\"}").statusCode(400);
        put(ADMIN, PRODUCTS + "/" + id, "{\"isFeatured\":true,\"isPopular\":true,\"downloadCount\":42}").statusCode(200)
                .body("data.isFeatured", equalTo(true)).body("data.isPopular", equalTo(true))
                .body("data.downloadCount", equalTo(42));
        put(ADMIN, PRODUCTS + "/" + id, "{\"downloadCount\":-1}").statusCode(400);
        // derived from reviews: not even admins write them
        put(ADMIN, PRODUCTS + "/" + id, "{\"rating\":5}").statusCode(400);
        put(ADMIN, PRODUCTS + "/" + id, "{\"reviewCount\":100}").statusCode(400);
    }

    @Test
    void vendorsCanNeverSetModerationOrDerivedFields() {
        String vendorId = newId();
        String vendor = TestTokens.vendor(vendorId);
        String id = create(vendor, productJson("Sneaky", uniqueSlug("sneaky"), "3"));
        for (String field : new String[] {"{\"status\":\"active\"}", "{\"status\":\"rejected\",\"reason\":\"x\"}",
                "{\"isFeatured\":true}", "{\"isPopular\":true}", "{\"rating\":5}", "{\"reviewCount\":10}",
                "{\"downloadCount\":1000}", "{\"vendorId\":\"" + newId() + "\"}",
                "{\"name\":\"Renamed\",\"isFeatured\":true}"}) {
            put(vendor, PRODUCTS + "/" + id, field).statusCode(403).contentType("application/problem+json")
                    .body("message", containsString("Only admins"));
        }
        // nothing of the refused requests was applied
        given().auth().oauth2(vendor).get(PRODUCTS + "/" + id).then().statusCode(200)
                .body("data.status", equalTo("pending")).body("data.isFeatured", equalTo(false))
                .body("data.isPopular", equalTo(false)).body("data.name", equalTo("Sneaky"))
                .body("data.vendorId", equalTo(vendorId)).body("data.downloadCount", equalTo(0));
        // withdrawing to draft and resubmitting are the vendor's own decisions
        put(vendor, PRODUCTS + "/" + id, "{\"status\":\"draft\"}").statusCode(200).body("data.status", equalTo("draft"));
        put(vendor, PRODUCTS + "/" + id, "{\"status\":\"pending\"}").statusCode(200).body("data.status", equalTo("pending"));
        // an approved product stays approved when its vendor edits the price (the cart reprices on the event)
        Catalog.activate(id);
        put(vendor, PRODUCTS + "/" + id, "{\"price\":4}").statusCode(200).body("data.status", equalTo("active"));
    }

    @Test
    void vendorsListTheirOwnProductsInEveryStatus() {
        String vendorId = newId();
        String vendor = TestTokens.vendor(vendorId);
        String category = uniqueSlug("mine");
        String pending = create(vendor, productJson("Pending one", category, "1"));
        String draft = create(vendor, productJson("Draft one", category, "1"));
        put(vendor, PRODUCTS + "/" + draft, "{\"status\":\"draft\"}").statusCode(200);
        String active = create(vendor, productJson("Active one", category, "1"));
        Catalog.activate(active);
        String rejected = create(vendor, productJson("Rejected one", category, "1"));
        put(ADMIN, PRODUCTS + "/" + rejected, "{\"status\":\"rejected\",\"reason\":\"spam\"}").statusCode(200);
        create(TestTokens.vendor(newId()), productJson("Someone else's", category, "1"));

        given().auth().oauth2(vendor).get(PRODUCTS + "/mine").then().statusCode(200)
                .body("data.products._id", containsInAnyOrder(pending, draft, active, rejected))
                .body("data.products.vendorId", everyItem(equalTo(vendorId)))
                .body("data.pagination.total", equalTo(4));
        given().auth().oauth2(vendor).get(PRODUCTS + "/mine?status=rejected").then().statusCode(200)
                .body("data.products._id", containsInAnyOrder(rejected));
        given().auth().oauth2(vendor).get(PRODUCTS + "/mine?limit=2&sort=oldest").then().statusCode(200)
                .body("data.products._id", org.hamcrest.Matchers.contains(pending, draft)).body("data.pagination.totalPages", equalTo(2));
        given().auth().oauth2(vendor).get(PRODUCTS + "/mine?status=gone").then().statusCode(400);
        given().auth().oauth2(vendor).get(PRODUCTS + "/mine?limit=1000").then().statusCode(400);
        given().auth().oauth2(TestTokens.vendor(newId())).get(PRODUCTS + "/mine").then().statusCode(200)
                .body("data.pagination.total", equalTo(0));
        given().auth().oauth2(TestTokens.user(newId())).get(PRODUCTS + "/mine").then().statusCode(403);
        given().get(PRODUCTS + "/mine").then().statusCode(401);
        // the public listing of the same vendor shows only the active one
        given().queryParam("vendorId", vendorId).get(PRODUCTS).then().statusCode(200)
                .body("data.products._id", containsInAnyOrder(active));
    }
}
