package com.autopilotmonster.testsupport;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a vendor active in the marketplace the way the marketplace learns it in production: a
 * {@code vendor.approved} event on the real Kafka, written exactly as the vendor service's outbox writes it
 * (topic {@code vendor.approved}, key = vendor id, payload {@code {vendorId, userId, name, status, timestamp}},
 * CloudEvents binary headers, source {@code /vendor}), then waits until the marketplace has applied it (its
 * admin read {@code GET /api/marketplace/vendors/{id}/status}). The marketplace publishes only products of
 * vendors it knows as active, so module ITs that do not run the vendor server call this before an admin
 * approves a test vendor's products. Each vendor is approved once per test JVM and marketplace.
 */
public final class ActiveVendors {

    private static final Set<String> APPROVED = ConcurrentHashMap.newKeySet();

    private ActiveVendors() {
    }

    /** The marketplace at {@code localhost:${marketplace.port:4003}}. */
    public static void approve(String vendorId) {
        approve("http://localhost:" + Integer.getInteger("marketplace.port", 4003), vendorId);
    }

    public static void approve(String marketplaceUrl, String vendorId) {
        if (!vendorId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("not a vendor id: " + vendorId);
        }
        if (APPROVED.contains(marketplaceUrl + " " + vendorId)) {
            return;
        }
        String now = Instant.now().toString();
        String payload = "{\"vendorId\":\"" + vendorId + "\",\"userId\":\"" + vendorId + "\",\"name\":\"Test vendor "
                + vendorId + "\",\"status\":\"active\",\"timestamp\":\"" + now + "\"}";
        KafkaTopicReader.send("vendor.approved", vendorId, payload, Map.of("ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(), "ce_type", "vendor.approved", "ce_source", "/vendor",
                "ce_time", now, "content-type", "application/json"));
        String admin = TestTokens.admin("active-vendors-" + UUID.randomUUID().toString().substring(0, 8));
        Eventually.await("the marketplace knows vendor " + vendorId + " as active", Duration.ofSeconds(60),
                () -> "active".equals(given().baseUri(marketplaceUrl).auth().oauth2(admin)
                        .get("/api/marketplace/vendors/{id}/status", vendorId).then().extract().path("data.status")));
        APPROVED.add(marketplaceUrl + " " + vendorId);
    }
}
