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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        assertTrue(redis.keys("marketplace:cache:" + before + ":listing:*").size() > 0, "list page was cached");

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

    private static final Pattern ENVELOPE = Pattern.compile(
            "\\{\"success\":true,\"data\":(.*),\"timestamp\":\"([^\"]+)\"}");

    /** The answer's {@code data} JSON as sent, after checking the envelope around it and its timestamp. */
    private static String dataOf(Response answer) {
        assertEquals(200, answer.statusCode());
        assertEquals("application/json", answer.contentType());
        String body = new String(answer.asByteArray(), StandardCharsets.UTF_8);
        Matcher m = ENVELOPE.matcher(body);
        assertTrue(m.matches(), "the success envelope: " + body);
        Instant.parse(m.group(2));
        return m.group(1);
    }

    @Test
    void aCachedListingIsTheUncachedAnswerByteForByteAndAWriteReplacesIt() {
        String category = Catalog.uniqueSlug("cache-bytes");
        String vendor = TestTokens.vendor(newId());
        String first = Catalog.createActive(vendor, productJson("Bytes \u00e4 \\\"one\\\"", category, "10.5"));
        String second = Catalog.createActive(vendor, productJson("Bytes two", category, "7"));
        String listing = PRODUCTS + "?category=" + category + "&limit=5";
        Set<String> before = redis.keys("marketplace:cache:*:listing:*");

        String computed = dataOf(given().get(listing));
        String cached = dataOf(given().get(listing));
        // the moderation view is never cached and answers a returned Page through EnvelopeFilter and JSON-B: the
        // same products, so the same bytes as the cached answer
        String uncached = dataOf(given().auth().oauth2(ADMIN).get(listing + "&status=active"));
        assertEquals(uncached, computed);
        assertEquals(uncached, cached);
        assertTrue(cached.startsWith("{\"products\":[{\"_id\":\"" + second + "\""), cached);
        assertTrue(cached.contains("\"_id\":\"" + first + "\""), cached);
        assertTrue(cached.endsWith("\"pagination\":{\"total\":2,\"page\":1,\"limit\":5,\"pages\":1,\"totalPages\":1,"
                + "\"hasNextPage\":false,\"hasPrevPage\":false}}"), cached);

        // what Redis holds is the answer's data as it is sent, not objects to serialise again
        Set<String> stored = redis.keys("marketplace:cache:" + generation() + ":listing:*");
        stored.removeAll(before);
        assertTrue(stored.stream().map(redis::get).anyMatch(cached::equals), "the cached JSON is the answer's data");

        put(vendor, PRODUCTS + "/" + first, "{\"price\":12.25}").statusCode(200);
        String afterWrite = dataOf(given().get(listing));
        assertTrue(afterWrite.contains("\"price\":12.25"), afterWrite);
        assertEquals(dataOf(given().auth().oauth2(ADMIN).get(listing + "&status=active")), afterWrite);
        assertEquals(afterWrite, dataOf(given().get(listing)), "and the new answer is cached in turn");
    }
}
