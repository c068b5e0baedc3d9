package com.autopilotmonster.vendor.api;

import static com.autopilotmonster.vendor.api.VendorApi.EVENT_WAIT;
import static com.autopilotmonster.vendor.api.VendorApi.as;
import static com.autopilotmonster.vendor.api.VendorApi.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.vendor.api.VendorApi.Line;
import com.autopilotmonster.vendor.api.VendorApi.Seller;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * averageRating from the marketplace's {@code review.created}: computed from the stored reviews, one effect per
 * review (a redelivered event, or the same review under another event id), poison records skipped, a deleted
 * product's reviews leave the average; analytics show each product's rating.
 */
class VendorRatingsIT {

    @BeforeAll
    static void target() {
        VendorApi.target();
    }

    /** review.created as the marketplace's outbox writes it (key = product id). */
    private static String review(String eventId, String reviewId, String productId, String vendorId, Object rating) {
        String payload = "{\"reviewId\":\"" + reviewId + "\",\"productId\":\"" + productId + "\",\"vendorId\":\"" + vendorId
                + "\",\"userId\":\"" + new ObjectId().toHexString() + "\",\"rating\":" + rating + ",\"timestamp\":\""
                + Instant.now() + "\"}";
        publish("review.created", productId, eventId, payload);
        return payload;
    }

    private static BigDecimal rating(Seller s) {
        return new BigDecimal(as(s.token()).get("/api/vendors/profile").then().statusCode(200)
                .extract().path("data.averageRating").toString());
    }

    private static void awaitRating(Seller s, String expected) {
        Eventually.await("averageRating " + expected, EVENT_WAIT,
                () -> rating(s).compareTo(new BigDecimal(expected)) == 0);
    }

    @Test
    void reviewEventsGiveTheAverageRatingOncePerReview() {
        Seller s = VendorApi.activeVendor("Rated vendor");
        assertEquals(0, rating(s).signum());
        String a = new ObjectId().toHexString();
        String b = new ObjectId().toHexString();

        String first = UUID.randomUUID().toString();
        String firstReview = new ObjectId().toHexString();
        String payload = review(first, firstReview, a, s.id(), 5);
        review(UUID.randomUUID().toString(), new ObjectId().toHexString(), b, s.id(), 2);
        awaitRating(s, "3.5");

        // redelivery of the same event, the same review under another event id, and poison records
        publish("review.created", a, first, payload);
        review(UUID.randomUUID().toString(), firstReview, a, s.id(), 5);
        publish("review.created", a, UUID.randomUUID().toString(), "{not json");
        review(UUID.randomUUID().toString(), new ObjectId().toHexString(), a, s.id(), 9);
        review(UUID.randomUUID().toString(), new ObjectId().toHexString(), a, s.id(), "\"5\"");
        publish("review.created", a, UUID.randomUUID().toString(), "{\"productId\":\"" + a + "\",\"rating\":1}");
        // a valid review after them all: the consumer is alive and the others changed nothing (5 + 2 + 4) / 3
        review(UUID.randomUUID().toString(), new ObjectId().toHexString(), a, s.id(), 4);
        awaitRating(s, "3.67");
        Eventually.sleep(1500);
        assertEquals(0, rating(s).compareTo(new BigDecimal("3.67")), "nothing else applied");

        // per product in analytics (products appear there with their sales)
        VendorApi.sale("ord_" + UUID.randomUUID(), List.of(new Line(a, s.id(), "10.00", 1), new Line(b, s.id(), "5.00", 1)));
        Map<String, BigDecimal> perProduct = Eventually.await("analytics with ratings", EVENT_WAIT, () -> {
            List<Map<String, Object>> products = as(s.token()).get("/api/vendors/analytics").then().statusCode(200)
                    .extract().path("data.products");
            if (products.size() < 2) {
                return null;
            }
            Map<String, BigDecimal> r = new java.util.HashMap<>();
            products.forEach(p -> r.put((String) p.get("productId"), new BigDecimal(p.get("rating").toString())));
            return r;
        });
        assertEquals(0, perProduct.get(a).compareTo(new BigDecimal("4.5")));
        assertEquals(0, perProduct.get(b).compareTo(new BigDecimal("2")));

        // product B deleted in the marketplace: its review leaves the average (5 + 4) / 2
        publish("product.deleted", b, UUID.randomUUID().toString(), "{\"productId\":\"" + b + "\",\"vendorId\":\""
                + s.id() + "\",\"name\":\"B\",\"price\":5,\"category\":\"automation\",\"status\":\"active\",\"timestamp\":\""
                + Instant.now() + "\"}");
        awaitRating(s, "4.5");
    }
}
