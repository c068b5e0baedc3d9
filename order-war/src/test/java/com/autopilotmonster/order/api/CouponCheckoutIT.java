package com.autopilotmonster.order.api;

import static com.autopilotmonster.order.api.OrderFixtures.billing;
import static com.autopilotmonster.order.api.OrderFixtures.create;
import static com.autopilotmonster.order.api.OrderFixtures.newUserId;
import static com.autopilotmonster.order.api.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Coupons at checkout against the real order, cart and marketplace servers: the order asks the marketplace
 * (the coupons' owner) for one use, records the discount per line, and counts uses exactly under concurrency.
 */
class CouponCheckoutIT {

    private static final String MARKETPLACE = "http://localhost:" + OrderFixtures.MARKETPLACE_PORT;
    private static final String CART = "http://localhost:" + OrderFixtures.CART_PORT;

    @BeforeAll
    static void servers() {
        OrderFixtures.servers();
    }

    private static String coupon(String json) {
        String code = "ORD" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        given().baseUri(MARKETPLACE).auth().oauth2(OrderFixtures.admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\"," + json + "}").post("/api/marketplace/coupons").then().statusCode(201);
        return code;
    }

    private static int used(String code) {
        return given().baseUri(MARKETPLACE).auth().oauth2(OrderFixtures.admin()).queryParam("search", code)
                .get("/api/marketplace/coupons").then().statusCode(200).extract().path("data.coupons[0].used");
    }

    private static String order(String productId, int quantity, String code) {
        return "{\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}],\"couponCode\":\""
                + code + "\",\"billingAddress\":" + billing() + "}";
    }

    @Test
    void theCartsCouponIsRedeemedRecordedPerLineAndPublished() {
        String agent = product("Coupon agent", 30.00, "active");
        String flow = product("Coupon flow", 10.00, "active");
        String code = coupon("\"type\":\"fixed\",\"value\":8,\"maxUses\":50");
        String userId = newUserId();
        String token = TestTokens.user(userId);
        for (String line : List.of("{\"productId\":\"" + agent + "\",\"quantity\":1}", "{\"productId\":\"" + flow + "\",\"quantity\":1}")) {
            given().baseUri(CART).auth().oauth2(token).contentType(ContentType.JSON).body(line).post("/api/cart/items")
                    .then().statusCode(200);
        }
        given().baseUri(CART).auth().oauth2(token).contentType(ContentType.JSON).body("{\"couponCode\":\"" + code + "\"}")
                .post("/api/cart/coupon").then().statusCode(200);
        // the order from the cart takes the cart's coupon: 40.00 - 8.00 = 32.00, tax 10 % 3.20, total 35.20;
        // the discount is shared 6.00 / 2.00 by the lines' amounts
        JsonPath placed = create(token, "{\"billingAddress\":" + billing() + "}").statusCode(201)
                .body("data.couponCode", equalTo(code)).body("data.discount", equalTo(8.0f))
                .body("data.subtotal", equalTo(40.0f)).body("data.tax", equalTo(3.2f)).body("data.total", equalTo(35.2f))
                .extract().jsonPath();
        List<Float> shares = placed.getList("data.items.discount", Float.class);
        assertEquals(8.0f, shares.stream().reduce(0f, Float::sum), 0.001);
        assertTrue(shares.contains(6.0f) && shares.contains(2.0f), shares.toString());
        String orderId = placed.getString("data.orderId");
        JsonPath event = JsonPath.from(KafkaTopicReader.awaitRecord("order.created", Duration.ofSeconds(30),
                e -> e.value().contains(orderId)).value());
        assertEquals(code, event.getString("couponCode"));
        assertEquals(8.0f, event.getFloat("discount"));
        assertEquals(35.2f, event.getFloat("total"));
        assertEquals(1, used(code));
    }

    @Test
    void unusableCouponsRefuseTheOrderAndWriteNothing() {
        String agent = product("Refused coupon agent", 12.00, "active");
        String userId = newUserId();
        String token = TestTokens.user(userId);
        String minimum = coupon("\"type\":\"percentage\",\"value\":10,\"minSubtotal\":100");
        create(token, order(agent, 1, minimum)).statusCode(422).contentType(containsString("application/problem+json"))
                .body("message", containsString("at least"));
        create(token, order(agent, 1, "NOSUCHCODE")).statusCode(422);
        create(token, order(agent, 1, "{\\\"$gt\\\":\\\"\\\"}")).statusCode(400);
        given().auth().oauth2(token).get("/api/orders").then().statusCode(200).body("data.pagination.total", equalTo(0));
        assertEquals(0, used(minimum));
    }

    @Test
    void hundredParallelCheckoutsOnTenUsesLeftExactlyTenSucceedAndCancellingGivesOneBack() throws Exception {
        String agent = product("Scarce coupon agent", 9.99, "active");
        String code = coupon("\"type\":\"percentage\",\"value\":50,\"maxUses\":10");
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Future<JsonPath>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String token = TestTokens.user(newUserId());
            answers.add(pool.submit(() -> {
                var response = create(token, order(agent, 1, code)).extract();
                return JsonPath.from("{\"status\":" + response.statusCode() + ",\"token\":\"" + token + "\",\"body\":"
                        + response.asString() + "}");
            }));
        }
        List<String> placed = new ArrayList<>();
        String ownerToken = null;
        for (Future<JsonPath> answer : answers) {
            JsonPath a = answer.get();
            int status = a.getInt("status");
            assertTrue(status == 201 || status == 422, "status " + status + ": " + a.prettify());
            if (status == 201) {
                placed.add(a.getString("body.data.orderId"));
                ownerToken = a.getString("token");
                assertEquals(new BigDecimal("5.00").floatValue(), a.getFloat("body.data.discount"), 0.001);
            }
        }
        pool.shutdown();
        assertEquals(10, placed.size());
        assertEquals(10, used(code));
        // cancelling one of them gives its use back (order.cancelled, consumed by the marketplace)
        String last = placed.get(placed.size() - 1);
        given().auth().oauth2(ownerToken).contentType(ContentType.JSON).body("{\"reason\":\"changed my mind\"}")
                .post("/api/orders/{id}/cancel", last).then().statusCode(200);
        Eventually.await("use given back", Duration.ofSeconds(60), () -> used(code) == 9);
        create(TestTokens.user(newUserId()), order(agent, 1, code)).statusCode(201);
        create(TestTokens.user(newUserId()), order(agent, 1, code)).statusCode(422);
    }
}
