package com.autopilotmonster.marketplace.api;

import static com.autopilotmonster.marketplace.api.Catalog.newId;
import static com.autopilotmonster.marketplace.api.Catalog.productJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

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

/** payment.success events count sales into downloadCount once per event, feeding the derived popular list. */
class SalesIT {

    private static final String PRODUCTS = "/api/marketplace/products";

    @BeforeAll
    static void target() {
        ServiceUnderTest.target(4003);
    }

    private static long downloads(String id) {
        return given().get(PRODUCTS + "/" + id).then().statusCode(200).extract().<Number>path("data.downloadCount")
                .longValue();
    }

    private static void pay(String eventId, String productId, int quantity) {
        pay(eventId, newId(), productId, quantity);
    }

    private static void pay(String eventId, String buyerId, String productId, int quantity) {
        String payload = "{\"orderId\":\"ORD-" + eventId + "\",\"userId\":\"" + buyerId + "\",\"amount\":10,"
                + "\"currency\":\"USD\",\"paymentMethod\":\"stripe\",\"paymentId\":\"pi_1\",\"items\":[{\"productId\":\""
                + productId + "\",\"vendorId\":\"v\",\"quantity\":" + quantity + "},{\"productId\":\"not-an-id\","
                + "\"quantity\":3}],\"timestamp\":\"" + Instant.now() + "\"}";
        KafkaTopicReader.send("payment.success", "ORD-" + eventId, payload, Map.of("ce_id", eventId,
                "ce_type", "payment.success", "ce_source", "/order", "ce_specversion", "1.0",
                "ce_time", Instant.now().toString()));
    }

    @Test
    void paidProductsGainDownloadsOncePerEventAndBecomePopular() {
        String category = Catalog.uniqueSlug("sales");
        String id = Catalog.createActive(TestTokens.vendor(newId()), productJson("Sold", category, "10"));
        String eventId = UUID.randomUUID().toString();
        pay(eventId, id, 60);
        Eventually.await("sale counted", Duration.ofSeconds(60), () -> downloads(id) == 60);
        // the same event again (redelivery) changes nothing; a new one counts
        pay(eventId, id, 60);
        String second = UUID.randomUUID().toString();
        pay(second, id, 45);
        Eventually.await("second sale counted", Duration.ofSeconds(60), () -> downloads(id) == 105);
        Eventually.sleep(1000);
        given().get(PRODUCTS + "/" + id).then().body("data.downloadCount", equalTo(105));
        // 105 >= marketplace.popular.min-downloads (100): popular without an admin flag
        given().queryParam("category", category).get(PRODUCTS + "/popular").then().statusCode(200)
                .body("data._id", contains(id)).body("data[0].isPopular", equalTo(false));
    }

    @Test
    void reviewsOfBuyersAreMarkedVerifiedPurchases() {
        String id = Catalog.createActive(TestTokens.vendor(newId()), productJson("Bought", Catalog.uniqueSlug("rv"), "10"));
        String buyer = newId();
        pay(UUID.randomUUID().toString(), buyer, id, 1);
        Eventually.await("sale counted", Duration.ofSeconds(60), () -> downloads(id) == 1);
        String reviewId = Catalog.post(TestTokens.named(buyer, "user", "Bea Buyer"), PRODUCTS + "/" + id + "/reviews",
                "{\"rating\":5,\"title\":\" Worth it \",\"comment\":\"Does the job.\"}").statusCode(201)
                .body("data.isVerifiedPurchase", equalTo(true)).body("data.userName", equalTo("Bea Buyer"))
                .body("data.title", equalTo("Worth it")).extract().path("data.reviewId");
        Catalog.post(TestTokens.user(newId()), PRODUCTS + "/" + id + "/reviews", "{\"rating\":1,\"title\":\"Meh\"}")
                .statusCode(201).body("data.isVerifiedPurchase", equalTo(false));
        given().get(PRODUCTS + "/" + id + "/reviews").then().statusCode(200)
                .body("data.reviews.find { it.reviewId == '" + reviewId + "' }.isVerifiedPurchase", equalTo(true))
                .body("data.reviews.find { it.reviewId == '" + reviewId + "' }.title", equalTo("Worth it"))
                .body("data.reviews.find { it.reviewId == '" + reviewId + "' }._id", equalTo(reviewId))
                .body("data.reviews.isVerifiedPurchase", org.hamcrest.Matchers.containsInAnyOrder(true, false))
                .body("data.pagination.pages", equalTo(1));
    }
}
