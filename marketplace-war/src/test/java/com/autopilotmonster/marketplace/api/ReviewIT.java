package com.autopilotmonster.marketplace.api;

import static com.autopilotmonster.marketplace.api.Catalog.newId;
import static com.autopilotmonster.marketplace.api.Catalog.post;
import static com.autopilotmonster.marketplace.api.Catalog.productJson;
import static com.autopilotmonster.marketplace.api.Catalog.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reviews: one per user and product, bounded input, and an exact rating under concurrent reviews. */
class ReviewIT {

    private static final String PRODUCTS = "/api/marketplace/products";
    private static final String VENDOR_ID = newId();
    private static final String VENDOR = TestTokens.vendor(VENDOR_ID);

    @BeforeAll
    static void target() {
        ServiceUnderTest.target(4003);
    }

    private static String reviews(String productId) {
        return PRODUCTS + "/" + productId + "/reviews";
    }

    @Test
    void aUserReviewsOnceAndTheRatingFollows() {
        String id = Catalog.createActive(VENDOR, productJson("Reviewed", uniqueSlug("rev"), "9"));
        String userId = newId();
        String user = TestTokens.user(userId);
        String reviewId = post(user, reviews(id), "{\"rating\":4,\"comment\":\"  Saves me hours. \"}").statusCode(201)
                .body("message", equalTo("Review added")).body("data.rating", equalTo(4))
                .body("data.userId", equalTo(userId)).body("data.comment", equalTo("Saves me hours."))
                .extract().path("data._id");
        // the vendor service's averageRating is fed by review.created (outbox, key = product id)
        KafkaTopicReader.Event event = KafkaTopicReader.awaitRecord("review.created", Duration.ofSeconds(30),
                e -> id.equals(e.key()) && e.value().contains(reviewId));
        JsonPath payload = JsonPath.from(event.value());
        assertEquals(java.util.Set.of("reviewId", "productId", "vendorId", "userId", "rating", "timestamp"),
                payload.getMap("").keySet());
        assertEquals(reviewId, payload.getString("reviewId"));
        assertEquals(id, payload.getString("productId"));
        assertEquals(VENDOR_ID, payload.getString("vendorId"));
        assertEquals(userId, payload.getString("userId"));
        assertEquals(4, payload.getInt("rating"));
        assertEquals("review.created", event.headers().get("ce_type"));
        assertEquals("/marketplace", event.headers().get("ce_source"));
        post(user, reviews(id), "{\"rating\":1}").statusCode(409).contentType("application/problem+json");
        post(TestTokens.user(newId()), reviews(id), "{\"rating\":1}").statusCode(201);
        given().get(PRODUCTS + "/" + id).then().body("data.rating", equalTo(2.5f)).body("data.reviewCount", equalTo(2));
        given().get(reviews(id)).then().statusCode(200).body("data.pagination.total", equalTo(2))
                .body("data.reviews[0].rating", equalTo(1)).body("data.reviews[1].comment", equalTo("Saves me hours."));
        given().get(reviews(id) + "?limit=1&page=2").then().body("data.reviews[0].rating", equalTo(4));
        given().get(reviews(id) + "?limit=500").then().statusCode(400);
    }

    @Test
    void badReviewsAreRefused() {
        String id = Catalog.createActive(VENDOR, productJson("Guarded", uniqueSlug("rev"), "9"));
        String user = TestTokens.user(newId());
        for (String body : new String[] {"{\"rating\":0}", "{\"rating\":6}", "{\"rating\":4.5}", "{}",
                "{\"rating\":\"5\\\"}\"}", "{\"rating\":{\"$gt\":0}}", "{\"rating\":5,\"comment\":\"" + "x".repeat(2001) + "\"}",
                "{\"rating\":"}) {
            post(user, reviews(id), body).statusCode(400).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("{\"rating\":5}").post(reviews(id)).then().statusCode(401);
        post(TestTokens.expired(newId()), reviews(id), "{\"rating\":5}").statusCode(401);
        post(VENDOR, reviews(id), "{\"rating\":5}").statusCode(403);
        post(user, reviews("not-an-id"), "{\"rating\":5}").statusCode(400);
        post(user, reviews("0123456789abcdef01234567"), "{\"rating\":5}").statusCode(404);
        given().get(reviews("0123456789abcdef01234567")).then().statusCode(404);
        String pending = Catalog.create(VENDOR, productJson("Not yet", uniqueSlug("rev"), "9"));
        post(user, reviews(pending), "{\"rating\":5}").statusCode(404);
        given().get(reviews(pending)).then().statusCode(404);
        given().get(PRODUCTS + "/" + id).then().body("data.reviewCount", equalTo(0));
    }

    @Test
    void fiftyParallelReviewsGiveTheExactCountAndAverageEvenDuringEdits() throws Exception {
        String id = Catalog.createActive(VENDOR, productJson("Popular", uniqueSlug("rev"), "9"));
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Callable<Integer>> calls = new ArrayList<>();
        int sum = 0;
        for (int i = 0; i < 50; i++) {
            int rating = i % 5 + 1 == 3 ? 4 : i % 5 + 1; // 1,2,4,4,5 repeated: average 3.2
            sum += rating;
            String token = TestTokens.user(newId());
            calls.add(() -> post(token, reviews(id), "{\"rating\":" + rating + "}").extract().statusCode());
        }
        // and one user trying ten times at once: exactly one review
        String eager = TestTokens.user(newId());
        List<Callable<Integer>> duplicates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            duplicates.add(() -> post(eager, reviews(id), "{\"rating\":5}").extract().statusCode());
        }
        // and the vendor editing the product meanwhile: its edits never overwrite the review totals
        List<Callable<Integer>> edits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String price = "{\"price\":" + (10 + i) + "}";
            edits.add(() -> Catalog.put(VENDOR, PRODUCTS + "/" + id, price).extract().statusCode());
        }
        List<Callable<Integer>> all = new ArrayList<>(calls);
        all.addAll(duplicates);
        all.addAll(edits);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(all)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(50, statuses.subList(0, 50).stream().filter(s -> s == 201).count());
        assertEquals(1, statuses.subList(50, 60).stream().filter(s -> s == 201).count());
        assertEquals(9, statuses.subList(50, 60).stream().filter(s -> s == 409).count());
        assertEquals(20, statuses.subList(60, 80).stream().filter(s -> s == 200).count());
        double expected = Math.round((sum + 5) / 51.0 * 100) / 100.0;
        given().get(PRODUCTS + "/" + id).then().body("data.reviewCount", equalTo(51))
                .body("data.rating", equalTo((float) expected));
        given().get(reviews(id)).then().body("data.pagination.total", equalTo(51));
    }
}
