package com.autopilotmonster.marketplace.api;

import static com.autopilotmonster.marketplace.api.Catalog.ADMIN;
import static com.autopilotmonster.marketplace.api.Catalog.newId;
import static com.autopilotmonster.marketplace.api.Catalog.productJson;
import static com.autopilotmonster.marketplace.api.Catalog.put;
import static com.autopilotmonster.marketplace.api.Catalog.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.autopilotmonster.testsupport.ActiveVendors;
import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only an active vendor's products go live: the marketplace learns vendors' status from the vendor service's
 * events, and its admin read shows what it believes.
 */
class VendorStatusIT {

    private static final String PRODUCTS = "/api/marketplace/products";

    @BeforeAll
    static void target() {
        ServiceUnderTest.target(4003);
    }

    private static String status(String vendorId) {
        return "/api/marketplace/vendors/" + vendorId + "/status";
    }

    /** A vendor event as the vendor service's outbox writes it. */
    private static void vendorEvent(String topic, String vendorId, String status, Instant at) {
        String payload = "{\"vendorId\":\"" + vendorId + "\",\"userId\":\"" + vendorId + "\",\"name\":\"V\",\"status\":\""
                + status + "\"" + ("suspended".equals(status) ? ",\"reason\":\"test\"" : "") + ",\"timestamp\":\"" + at + "\"}";
        KafkaTopicReader.send(topic, vendorId, payload, Map.of("ce_specversion", "1.0", "ce_id",
                UUID.randomUUID().toString(), "ce_type", topic, "ce_source", "/vendor", "ce_time", at.toString(),
                "content-type", "application/json"));
    }

    private static String knownStatus(String vendorId) {
        return given().auth().oauth2(ADMIN).get(status(vendorId)).then().extract().path("data.status");
    }

    @Test
    void aVendorWithoutAnApprovedRecordCannotPublishUntilVendorApproved() {
        String vendorId = newId();
        String vendor = TestTokens.vendor(vendorId);
        String id = Catalog.create(vendor, productJson("Unvetted", uniqueSlug("vs"), "7"));

        // no vendor record at all: refused
        put(ADMIN, PRODUCTS + "/" + id, "{\"status\":\"active\"}").statusCode(409)
                .contentType("application/problem+json").body("message", containsString("approved"));
        given().get(PRODUCTS + "/" + id).then().statusCode(404);
        given().auth().oauth2(ADMIN).get(status(vendorId)).then().statusCode(404)
                .contentType("application/problem+json");

        // a pending record (vendor.created): still refused
        vendorEvent("vendor.created", vendorId, "pending", Instant.now().minusSeconds(5));
        Eventually.await("vendor pending known", Duration.ofSeconds(30), () -> "pending".equals(knownStatus(vendorId)));
        given().auth().oauth2(ADMIN).get(status(vendorId)).then().statusCode(200)
                .body("data.vendorId", equalTo(vendorId)).body("data.publishable", equalTo(false));
        put(ADMIN, PRODUCTS + "/" + id, "{\"status\":\"active\"}").statusCode(409)
                .body("message", containsString("pending"));

        // vendor.approved: publishable
        ActiveVendors.approve(vendorId);
        given().auth().oauth2(ADMIN).get(status(vendorId)).then().statusCode(200)
                .body("data.status", equalTo("active")).body("data.publishable", equalTo(true));
        put(ADMIN, PRODUCTS + "/" + id, "{\"status\":\"active\"}").statusCode(200).body("data.status", equalTo("active"));
        given().get(PRODUCTS + "/" + id).then().statusCode(200);

        // an older event arriving late changes nothing
        vendorEvent("vendor.rejected", vendorId, "rejected", Instant.now().minusSeconds(3600));
        Eventually.sleep(2000);
        org.junit.jupiter.api.Assertions.assertEquals("active", knownStatus(vendorId));

        // suspended: the product leaves the catalog and cannot be published again
        vendorEvent("vendor.suspended", vendorId, "suspended", Instant.now());
        Eventually.await("product unpublished", Duration.ofSeconds(30),
                () -> given().get(PRODUCTS + "/" + id).statusCode() == 404);
        given().auth().oauth2(vendor).get(PRODUCTS + "/" + id).then().statusCode(200).body("data.status", equalTo("pending"));
        put(ADMIN, PRODUCTS + "/" + id, "{\"status\":\"active\"}").statusCode(409)
                .body("message", containsString("suspended"));
    }

    @Test
    void theStatusReadIsForAdminsOnly() {
        String vendorId = newId();
        given().get(status(vendorId)).then().statusCode(401);
        given().auth().oauth2(TestTokens.user(newId())).get(status(vendorId)).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.vendor(vendorId)).get(status(vendorId)).then().statusCode(403);
        given().auth().oauth2(ADMIN).get(status(vendorId)).then().statusCode(404);
        given().auth().oauth2(ADMIN).get(status("bad$id")).then().statusCode(400)
                .contentType("application/problem+json");
        ActiveVendors.approve(vendorId);
        given().auth().oauth2(ADMIN).get(status(vendorId)).then().statusCode(200)
                .contentType(containsString("application/json")).body("data.status", equalTo("active"));
    }
}
