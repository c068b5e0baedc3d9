package com.autopilotmonster.admin.api;

import static io.restassured.RestAssured.given;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shared test helpers: the admin server, the real owners (auth, marketplace, vendor) and raw events. */
final class Admin {

    static final String ADMIN_ID = newId();
    static final String ADMIN = TestTokens.admin(ADMIN_ID);
    static final int AUTH = Integer.getInteger("auth.port", 4002);
    static final int MARKETPLACE = Integer.getInteger("marketplace.port", 4003);
    static final int VENDOR = Integer.getInteger("vendor.port", 4006);
    static final Duration EVENT_WAIT = Duration.ofSeconds(60);

    private Admin() {
    }

    static void target() {
        ServiceUnderTest.target(4007);
        awaitReady(AUTH);
        awaitReady(MARKETPLACE);
    }

    static void awaitReady(int port) {
        Eventually.await("server on port " + port + " ready", Duration.ofSeconds(120),
                () -> given().port(port).get("/health/ready").statusCode() == 200);
    }

    /** A fresh ObjectId-shaped id. */
    static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    static RequestSpecification as(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    static ValidatableResponse get(String token, String path) {
        return as(token).get(path).then();
    }

    static ValidatableResponse put(String token, String path, String json) {
        return as(token).contentType(ContentType.JSON).body(json).put(path).then();
    }

    static ValidatableResponse post(String token, String path, String json) {
        return as(token).contentType(ContentType.JSON).body(json).post(path).then();
    }

    static ValidatableResponse delete(String token, String path) {
        return as(token).delete(path).then();
    }

    /** A 4xx problem+json answer with success:false and a message. */
    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("success", org.hamcrest.Matchers.equalTo(false))
                .body("message", org.hamcrest.Matchers.notNullValue());
    }

    // ---- the owners ----

    /** Registers an account in the real auth service; returns its user id. */
    static String register(String role) {
        String email = "admin-it-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        String body = "{\"firstName\":\"Ada\",\"lastName\":\"Tester\",\"email\":\"" + email
                + "\",\"password\":\"Pale-blue-dot-" + UUID.randomUUID() + "\"" + (role == null ? "" : ",\"role\":\"" + role + "\"") + "}";
        return given().port(AUTH).contentType(ContentType.JSON).body(body).post("/api/auth/register").then()
                .statusCode(201).extract().path("data.user._id");
    }

    static String emailOf(String userId) {
        return given().port(AUTH).auth().oauth2(ADMIN).get("/api/auth/users/" + userId).then().statusCode(200)
                .extract().path("data.email");
    }

    /** The owner's count: auth's own admin listing total. */
    static long authTotal() {
        Number n = given().port(AUTH).auth().oauth2(ADMIN).get("/api/auth/users?limit=1").then().statusCode(200)
                .extract().path("data.pagination.total");
        return n.longValue();
    }

    static String productJson(String name, String price) {
        return "{\"name\":\"" + name + "\",\"description\":\"A workflow that does " + name + ".\",\"price\":" + price
                + ",\"category\":\"admin-it\",\"tags\":[\"automation\"],"
                + "\"images\":[\"https://cdn.example.test/" + UUID.randomUUID() + ".png\"]}";
    }

    /**
     * Only an active vendor's products go live: the vendor is onboarded at the REAL vendor service (profile, then
     * approved through this admin service) and the marketplace has learnt it from {@code vendor.approved}.
     */
    static void activeVendor(String vendorId) {
        given().port(VENDOR).auth().oauth2(TestTokens.vendor(vendorId)).contentType(ContentType.JSON)
                .body("{\"name\":\"Seller " + vendorId + "\"}").put("/api/vendors/profile").then().statusCode(201);
        post(ADMIN, "/api/admin/vendors/" + vendorId + "/approve", "{}").statusCode(200);
        Eventually.await("the marketplace knows vendor " + vendorId + " as active", EVENT_WAIT,
                () -> "active".equals(given().port(MARKETPLACE).auth().oauth2(ADMIN)
                        .get("/api/marketplace/vendors/{id}/status", vendorId).then().extract().path("data.status")));
    }

    /** A pending product created by a vendor in the real marketplace; returns its id. */
    static String pendingProduct(String vendorToken, String name) {
        return given().port(MARKETPLACE).auth().oauth2(vendorToken).contentType(ContentType.JSON)
                .body(productJson(name, "9.50")).post("/api/marketplace/products").then().statusCode(201)
                .body("data.status", org.hamcrest.Matchers.equalTo("pending")).extract().path("data._id");
    }

    /** The marketplace's own count of products in a status (its admin listing). */
    static long marketplaceTotal(String status) {
        Number n = given().port(MARKETPLACE).auth().oauth2(ADMIN).get("/api/marketplace/products?limit=1&status=" + status)
                .then().statusCode(200).extract().path("data.pagination.total");
        return n.longValue();
    }

    static ValidatableResponse publicProduct(String id) {
        return given().port(MARKETPLACE).get("/api/marketplace/products/" + id).then();
    }

    // ---- events ----

    /** Writes an event the way common-ejb's outbox relay does: spec payload, CloudEvents binary headers. */
    static void publish(String topic, String key, String eventId, String payload) {
        KafkaTopicReader.send(topic, key, payload, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_type", topic, "ce_source", "/admin-it", "ce_time", Instant.now().toString(),
                "content-type", "application/json"));
    }

    // ---- audit ----

    /** The audit entries for a target, newest first. */
    static List<Map<String, Object>> audit(String targetId) {
        return get(ADMIN, "/api/admin/audit?target=" + targetId + "&limit=100").statusCode(200).extract()
                .path("data.logs");
    }

    static Map<String, Object> auditEntry(String targetId, String action) {
        return audit(targetId).stream().filter(e -> action.equals(e.get("action"))).findFirst()
                .orElseThrow(() -> new AssertionError("no audit entry " + action + " for " + targetId));
    }
}
