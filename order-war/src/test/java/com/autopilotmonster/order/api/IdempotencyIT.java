package com.autopilotmonster.order.api;

import static com.autopilotmonster.order.api.OrderFixtures.explicitOrder;
import static com.autopilotmonster.order.api.OrderFixtures.newUserId;
import static com.autopilotmonster.order.api.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST /api/orders, Stripe's semantics, including a burst of concurrent duplicates. */
class IdempotencyIT {

    @BeforeAll
    static void servers() {
        OrderFixtures.servers();
    }

    private static Response post(String token, String key, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/orders");
    }

    private static long ordersOf(String userId) {
        return OrderFixtures.db("order_db").getCollection("orders").countDocuments(new Document("userId", userId));
    }

    @Test
    void tenConcurrentIdenticalRequestsCreateExactlyOneOrder() throws Exception {
        String userId = newUserId();
        String token = TestTokens.user(userId);
        String body = explicitOrder(product("Concurrent agent", 19.99, "active"), 1);
        String key = "checkout-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit((Callable<Response>) () -> {
                go.await();
                return post(token, key, body);
            }));
        }
        go.countDown();
        Set<String> orderIds = new HashSet<>();
        int replays = 0;
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            assertEquals(201, response.statusCode(), response.asString());
            orderIds.add(response.jsonPath().getString("data.orderId"));
            if ("true".equals(response.header("Idempotent-Replayed"))) {
                replays++;
            }
        }
        pool.shutdown();
        assertEquals(1, orderIds.size(), "all ten answers name the same order");
        assertEquals(9, replays, "one original answer, nine replays");
        assertEquals(1, ordersOf(userId), "exactly one order in the store");
    }

    @Test
    void sameKeySameBodyReplaysSameKeyOtherBodyIs422() {
        String userId = newUserId();
        String token = TestTokens.user(userId);
        String id = product("Replay agent", 5, "active");
        String key = UUID.randomUUID().toString();
        Response first = post(token, key, explicitOrder(id, 1));
        assertEquals(201, first.statusCode());
        assertNull(first.header("Idempotent-Replayed"));
        // whitespace and field order do not make a different request
        Response again = post(token, key, explicitOrder(id, 1).replace(",", " , "));
        assertEquals(201, again.statusCode());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.jsonPath().getString("data.orderId"), again.jsonPath().getString("data.orderId"));

        post(token, key, explicitOrder(id, 2)).then().statusCode(422)
                .contentType(containsString("application/problem+json")).body("success", equalTo(false));
        assertEquals(1, ordersOf(userId));

        // keys belong to their user: another user's same key is a new request
        String other = newUserId();
        post(TestTokens.user(other), key, explicitOrder(id, 1)).then().statusCode(201);
        assertEquals(1, ordersOf(other));
        // a longest allowed key works
        post(token, "k".repeat(255), explicitOrder(id, 1)).then().statusCode(201);
        post(token, "has space", explicitOrder(id, 1)).then().statusCode(400);
    }

    @Test
    void aFailedRequestDoesNotBurnItsKey() {
        String userId = newUserId();
        String token = TestTokens.user(userId);
        String key = UUID.randomUUID().toString();
        String id = product("Late activation", 7, "pending");
        post(token, key, explicitOrder(id, 1)).then().statusCode(422);
        OrderFixtures.db("marketplace_db").getCollection("products").updateOne(
                new Document("_id", new org.bson.types.ObjectId(id)), new Document("$set", new Document("status", "active")));
        post(token, key, explicitOrder(id, 1)).then().statusCode(201);
        assertEquals(1, ordersOf(userId));
    }
}
