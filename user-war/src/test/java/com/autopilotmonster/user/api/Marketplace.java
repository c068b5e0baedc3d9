package com.autopilotmonster.user.api;

import static io.restassured.RestAssured.given;

import com.autopilotmonster.testsupport.ActiveVendors;
import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.bson.types.ObjectId;

/**
 * The REAL marketplace server (started by this module's build next to the user server): test products are
 * created through its API as a vendor and activated by an admin, exactly as in production.
 */
final class Marketplace {

    static final String URL = "http://localhost:" + Integer.getInteger("marketplace.port", 4003);
    static final String VENDOR_ID = new ObjectId().toHexString();
    static final String VENDOR = TestTokens.vendor(VENDOR_ID);
    static final String ADMIN = TestTokens.admin(new ObjectId().toHexString());

    private Marketplace() {
    }

    static void awaitReady() {
        Eventually.await("marketplace ready on " + URL, Duration.ofSeconds(180),
                () -> given().baseUri(URL).get("/health/ready").statusCode() == 200);
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(URL).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A new product in the marketplace's initial status (pending): not buyable yet. */
    static String createPending(String name, String price) {
        String body = "{\"name\":\"" + name + "\",\"description\":\"A test workflow for the user service\",\"price\":" + price
                + ",\"category\":\"automation\",\"tags\":[\"user-it\"],"
                + "\"images\":[\"https://cdn.example.test/" + UUID.randomUUID() + ".png\"],"
                + "\"thumbnail\":\"https://cdn.example.test/thumb-" + name.hashCode() + ".png\"}";
        return as(VENDOR).body(body).post("/api/marketplace/products").then().statusCode(201)
                .extract().path("data._id");
    }

    static String createActive(String name, String price) {
        String id = createPending(name, price);
        setStatus(id, "active");
        // the public read (what the wishlist asks) must see it active before a test relies on it
        Eventually.await("product " + id + " public", Duration.ofSeconds(20),
                () -> given().baseUri(URL).get("/api/marketplace/products/" + id).statusCode() == 200);
        return id;
    }

    static String thumbnailOf(String id) {
        return given().baseUri(URL).get("/api/marketplace/products/" + id).then().statusCode(200)
                .extract().path("data.thumbnail");
    }

    /** Approving a product needs its vendor active in the marketplace: a vendor.approved event, applied. */
    static void setStatus(String id, String status) {
        if ("active".equals(status)) {
            ActiveVendors.approve(URL, VENDOR_ID);
        }
        String reason = "rejected".equals(status) ? ",\"reason\":\"user test\"" : "";
        as(ADMIN).body("{\"status\":\"" + status + "\"" + reason + "}").put("/api/marketplace/products/" + id)
                .then().statusCode(200);
    }

    static void setPrice(String id, String price) {
        as(VENDOR).body("{\"price\":" + price + "}").put("/api/marketplace/products/" + id).then().statusCode(200);
    }

    static void delete(String id) {
        as(VENDOR).delete("/api/marketplace/products/" + id).then().statusCode(org.hamcrest.Matchers.oneOf(200, 204));
    }

    static Path serverHome() {
        return Path.of(System.getProperty("liberty.install.dir"));
    }
}
