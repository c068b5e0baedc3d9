package com.autopilotmonster.marketplace.api;

import static io.restassured.RestAssured.given;

import com.autopilotmonster.testsupport.ActiveVendors;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** Test fixtures: ids and tokens of fresh callers, and products created through the real API. */
final class Catalog {

    static final String ADMIN = TestTokens.admin(newId());

    private Catalog() {
    }

    /** A fresh ObjectId-shaped user id. */
    static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /** A category slug no other test run uses. */
    static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String productJson(String name, String category, String price) {
        return "{\"name\":\"" + name + "\",\"description\":\"A workflow that does " + name + ".\",\"price\":" + price
                + ",\"category\":\"" + category + "\",\"tags\":[\"automation\"],"
                + "\"images\":[\"https://cdn.example.test/" + UUID.randomUUID() + ".png\"],"
                + "\"thumbnail\":\"https://cdn.example.test/thumb.png\"}";
    }

    static ValidatableResponse post(String token, String path, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post(path).then();
    }

    static ValidatableResponse put(String token, String path, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).put(path).then();
    }

    /** Creates a product as the vendor; returns its id (status pending). */
    static String create(String vendorToken, String json) {
        return post(vendorToken, "/api/marketplace/products", json).statusCode(201).extract().path("data._id");
    }

    /** Creates a product and has an admin approve it; returns its id. */
    static String createActive(String vendorToken, String json) {
        String id = create(vendorToken, json);
        activate(id);
        return id;
    }

    /** Approves the product's vendor (a {@code vendor.approved} event) and then the product. */
    static void activate(String id) {
        approveVendorOf(id);
        put(ADMIN, "/api/marketplace/products/" + id, "{\"status\":\"active\"}").statusCode(200);
    }

    /** Only an active vendor's products go live: makes the product's vendor active the way production does. */
    static void approveVendorOf(String productId) {
        String vendorId = given().auth().oauth2(ADMIN).get("/api/marketplace/products/" + productId).then()
                .statusCode(200).extract().path("data.vendorId");
        ActiveVendors.approve(vendorId);
    }
}
