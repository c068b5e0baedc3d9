package com.autopilotmonster.marketplace.api;

import static com.autopilotmonster.marketplace.api.Catalog.ADMIN;
import static com.autopilotmonster.marketplace.api.Catalog.newId;
import static com.autopilotmonster.marketplace.api.Catalog.post;
import static com.autopilotmonster.marketplace.api.Catalog.productJson;
import static com.autopilotmonster.marketplace.api.Catalog.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Hot reads come from Redis, and every write is visible on the very next read (generation invalidation). */
class CacheIT {

    private static final String PRODUCTS = "/api/marketplace/products";
    private static final String GENERATION = "marketplace:cache:generation";
    private static JedisPooled redis;

    @BeforeAll
    static void target() {
        ServiceUnderTest.target(4003);
        redis = new JedisPooled("127.0.0.1", 6379);
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    private static long generation() {
        String value = redis.get(GENERATION);
        return value == null ? 0 : Long.parseLong(value);
    }

    @Test
    void readsAreCachedAndWritesVisibleAtOnce() {
        String category = Catalog.uniqueSlug("cache");
        String vendor = TestTokens.vendor(newId());
        String id = Catalog.createActive(vendor, productJson("Cached", category, "10"));
        given().get(PRODUCTS + "/" + id).then().body("data.price", equalTo(10));
        given().get(PRODUCTS + "?category=" + category).then().body("data.products.price", contains(10));
        // the reads above were stored under the current generation
        long before = generation();
        assertTrue(redis.exists("marketplace:cache:" + before + ":product:" + id), "product read was cached");
        assertTrue(redis.keys("marketplace:cache:" + before + ":list:*").size() > 0, "list page was cached");

        put(vendor, PRODUCTS + "/" + id, "{\"price\":12.5}").statusCode(200);
        assertTrue(generation() > before, "a write bumps the generation");
        given().get(PRODUCTS + "/" + id).then().body("data.price", equalTo(12.5f));
        given().get(PRODUCTS + "?category=" + category).then().body("data.products.price", contains(12.5f));

        // a rejection hides it from the public at once, a review shows in the rating at once
        put(ADMIN, PRODUCTS + "/" + id, "{\"status\":\"rejected\",\"reason\":\"cache test\"}").statusCode(200);
        given().get(PRODUCTS + "/" + id).then().statusCode(404);
        given().get(PRODUCTS + "?category=" + category).then().body("data.products", empty());
        Catalog.activate(id);
        post(TestTokens.user(newId()), PRODUCTS + "/" + id + "/reviews", "{\"rating\":5}").statusCode(201);
        given().get(PRODUCTS + "/" + id).then().body("data.rating", equalTo(5.0f)).body("data.reviewCount", equalTo(1));
        given().get(PRODUCTS + "?category=" + category + "&minRating=5").then().body("data.products._id", contains(id));

        // categories' counts follow product writes too
        String catId = post(ADMIN, "/api/marketplace/categories", "{\"name\":\"Cache " + category + "\",\"slug\":\""
                + category + "\"}").statusCode(201).extract().path("data._id");
        given().get("/api/marketplace/categories").then()
                .body("data.find { it.slug == '" + category + "' }.productCount", equalTo(1));
        given().auth().oauth2(vendor).delete(PRODUCTS + "/" + id).then().statusCode(200);
        given().get(PRODUCTS + "/" + id).then().statusCode(404);
        given().get("/api/marketplace/categories").then()
                .body("data.find { it.slug == '" + category + "' }.productCount", equalTo(0));
        given().auth().oauth2(ADMIN).delete("/api/marketplace/categories/" + catId).then().statusCode(204);
    }
}
