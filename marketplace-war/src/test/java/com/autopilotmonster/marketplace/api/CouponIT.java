package com.autopilotmonster.marketplace.api;

import static com.autopilotmonster.marketplace.api.Catalog.ADMIN;
import static com.autopilotmonster.marketplace.api.Catalog.newId;
import static com.autopilotmonster.marketplace.api.Catalog.post;
import static com.autopilotmonster.marketplace.api.Catalog.productJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Coupons on the real marketplace server: administration, quotes at catalog prices, uses counted exactly. */
class CouponIT {

    private static final String COUPONS = "/api/marketplace/coupons";

    private static String vendorA;
    private static String vendorB;
    private static String tenDollars;
    private static String fiveDollarsOfB;

    @BeforeAll
    static void catalog() {
        ServiceUnderTest.target(4003);
        vendorA = newId();
        vendorB = newId();
        String category = Catalog.uniqueSlug("coupons");
        tenDollars = Catalog.createActive(TestTokens.vendor(vendorA), productJson("Coupon agent", category, "10"));
        fiveDollarsOfB = Catalog.createActive(TestTokens.vendor(vendorB), productJson("Coupon flow", category, "5"));
    }

    private static String code() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(java.util.Locale.ROOT);
    }

    private static String create(String json) {
        return post(ADMIN, COUPONS, json).statusCode(201).extract().path("data._id");
    }

    private static String items(String... productAndQuantity) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            items.add("{\"productId\":\"" + productAndQuantity[i] + "\",\"quantity\":" + productAndQuantity[i + 1] + "}");
        }
        return "[" + String.join(",", items) + "]";
    }

    private static ValidatableResponse reserve(String token, String code, String orderId) {
        return post(token, COUPONS + "/redemptions", "{\"code\":\"" + code + "\",\"orderId\":\"" + orderId
                + "\",\"items\":" + items(tenDollars, "1") + "}");
    }

    private static int used(String id) {
        return given().auth().oauth2(ADMIN).get(COUPONS + "/" + id).then().statusCode(200).extract().path("data.used");
    }

    private static void problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(containsString("application/problem+json")).body("success", equalTo(false));
    }

    @Test
    void adminsAdministerCouponsWithCoherentRules() {
        String code = code();
        String id = post(ADMIN, COUPONS, "{\"code\":\"" + code.toLowerCase() + "\",\"type\":\"percentage\",\"value\":15,"
                + "\"maxUses\":100,\"description\":\"Launch week\"}").statusCode(201)
                .body("data.code", equalTo(code)).body("data.couponId", notNullValue()).body("data.currency", equalTo("USD"))
                .body("data.scope", equalTo("all")).body("data.used", equalTo(0)).body("data.usesLeft", equalTo(100))
                .extract().path("data._id");
        problem(post(ADMIN, COUPONS, "{\"code\":\"" + code + "\",\"type\":\"fixed\",\"value\":1}"), 409);
        given().auth().oauth2(ADMIN).queryParam("search", code).get(COUPONS).then().statusCode(200)
                .body("data.coupons._id", hasItem(id)).body("data.pagination.total", equalTo(1))
                .body("data.pagination.pages", equalTo(1));
        Catalog.put(ADMIN, COUPONS + "/" + id, "{\"value\":20,\"code\":\"IGNORED\"}").statusCode(200)
                .body("data.value", equalTo(20.0f)).body("data.code", equalTo(code));

        // incoherent coupons are refused before anything is written
        problem(post(ADMIN, COUPONS, "{\"code\":\"" + code() + "\",\"type\":\"percentage\",\"value\":150}"), 400);
        problem(post(ADMIN, COUPONS, "{\"code\":\"" + code() + "\",\"type\":\"fixed\",\"value\":5,\"currency\":\"EUR\"}"), 400);
        problem(post(ADMIN, COUPONS, "{\"code\":\"" + code() + "\",\"type\":\"fixed\",\"value\":5,"
                + "\"startsAt\":\"2026-12-01T00:00:00Z\",\"endsAt\":\"2026-11-01T00:00:00Z\"}"), 400);
        problem(post(ADMIN, COUPONS, "{\"code\":\"" + code() + "\",\"type\":\"fixed\",\"value\":5,\"scope\":\"vendors\"}"), 400);
        problem(post(ADMIN, COUPONS, "{\"code\":\"" + code() + "\",\"type\":\"bogus\",\"value\":5}"), 400);
        problem(post(ADMIN, COUPONS, "{\"code\":{\"$gt\":\"\"},\"type\":\"fixed\",\"value\":5}"), 400);
        problem(post(ADMIN, COUPONS, "{\"code\":\"" + code() + "\",\"type\":\"fixed\",\"value\":5,"
                + "\"scope\":\"products\",\"scopeIds\":[{\"$ne\":null}]}"), 400);
        problem(post(ADMIN, COUPONS, "{\"code\":\"" + code() + "\",\"type\":"), 400);
        problem(post(ADMIN, COUPONS, "{\"code\":\"" + "X".repeat(200) + "\",\"type\":\"fixed\",\"value\":5}"), 400);
        problem(given().auth().oauth2(ADMIN).get(COUPONS + "/not-an-id").then(), 404);
        problem(Catalog.put(ADMIN, COUPONS + "/" + id, "{\"value\":-1}"), 400);

        // only admins
        problem(post(TestTokens.user(newId()), COUPONS, "{\"code\":\"" + code() + "\",\"type\":\"fixed\",\"value\":5}"), 403);
        problem(post(TestTokens.vendor(vendorA), COUPONS, "{\"code\":\"" + code() + "\",\"type\":\"fixed\",\"value\":5}"), 403);
        problem(given().auth().oauth2(TestTokens.user(newId())).get(COUPONS).then(), 403);
        problem(given().get(COUPONS).then(), 401);
        problem(given().contentType(ContentType.JSON).body("{}").post(COUPONS + "/quote").then(), 401);

        given().auth().oauth2(ADMIN).delete(COUPONS + "/" + id).then().statusCode(204);
        problem(given().auth().oauth2(ADMIN).get(COUPONS + "/" + id).then(), 404);
    }

    @Test
    void quotesUseCatalogPricesAndTheCouponsScope() {
        String code = code();
        create("{\"code\":\"" + code + "\",\"type\":\"percentage\",\"value\":10,\"scope\":\"vendors\",\"scopeIds\":[\""
                + vendorA + "\"],\"minSubtotal\":12}");
        String buyer = TestTokens.user(newId());
        // the client's own request body: couponCode; lowercase codes are the same coupon
        post(buyer, COUPONS + "/quote", "{\"couponCode\":\"" + code.toLowerCase() + "\",\"items\":"
                + items(tenDollars, "2", fiveDollarsOfB, "1") + "}").statusCode(200)
                .body("data.subtotal", equalTo(25.0f)).body("data.eligibleSubtotal", equalTo(20.0f))
                .body("data.discount", equalTo(2.0f)).body("data.lines[0].discount", equalTo(2.0f))
                .body("data.lines[1].discount", equalTo(0.0f));
        problem(post(buyer, COUPONS + "/quote", "{\"code\":\"" + code + "\",\"items\":" + items(tenDollars, "1") + "}"), 422);
        problem(post(buyer, COUPONS + "/quote", "{\"code\":\"" + code + "\",\"items\":" + items(fiveDollarsOfB, "3") + "}"), 422);
        problem(post(buyer, COUPONS + "/quote", "{\"code\":\"NOPE" + code + "\",\"items\":" + items(tenDollars, "2") + "}"), 404);
        problem(post(buyer, COUPONS + "/quote", "{\"code\":\"" + code + "\",\"items\":[]}"), 400);
        problem(post(buyer, COUPONS + "/quote", "{\"code\":\"" + code + "\",\"items\":" + items("zz", "1") + "}"), 400);
        problem(post(buyer, COUPONS + "/quote", "{\"code\":\"" + code + "\",\"items\":" + items(tenDollars, "-1") + "}"), 400);
        String expired = code();
        create("{\"code\":\"" + expired + "\",\"type\":\"fixed\",\"value\":1,\"startsAt\":\"2020-01-01T00:00:00Z\","
                + "\"endsAt\":\"2020-02-01T00:00:00Z\"}");
        problem(post(buyer, COUPONS + "/quote", "{\"code\":\"" + expired + "\",\"items\":" + items(tenDollars, "1") + "}")
                .body("message", containsString("expired")), 422);
    }

    @Test
    void parallelReservationsNeverExceedTheUsesLeft() throws Exception {
        String code = code();
        String id = create("{\"code\":\"" + code + "\",\"type\":\"fixed\",\"value\":1,\"maxUses\":5}");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String token = TestTokens.user(newId());
            String orderId = "ORD-" + UUID.randomUUID();
            answers.add(pool.submit(() -> reserve(token, code, orderId).extract().statusCode()));
        }
        int reserved = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            reserved += status == 200 ? 1 : 0;
            org.junit.jupiter.api.Assertions.assertTrue(status == 200 || status == 422, "status " + status);
        }
        pool.shutdown();
        assertEquals(5, reserved);
        assertEquals(5, used(id));
    }

    @Test
    void oneUsePerOrderPerUserLimitsAndReleases() {
        String code = code();
        String id = create("{\"code\":\"" + code + "\",\"type\":\"fixed\",\"value\":3,\"maxUsesPerUser\":1}");
        String userId = newId();
        String token = TestTokens.user(userId);
        String order = "ORD-" + UUID.randomUUID();
        reserve(token, code, order).statusCode(200).body("data.discount", equalTo(3.0f));
        reserve(token, code, order).statusCode(200).body("data.discount", equalTo(3.0f)); // the same order: no 2nd use
        assertEquals(1, used(id));
        problem(reserve(token, code, "ORD-" + UUID.randomUUID()).body("message", containsString("as often")), 422);
        problem(reserve(TestTokens.user(newId()), code, order), 409); // another buyer cannot take over the order's use
        // nobody else can give it back; the buyer can, once
        problem(post(TestTokens.user(newId()), COUPONS + "/redemptions/" + order + "/release", "{}"), 404);
        post(token, COUPONS + "/redemptions/" + order + "/release", "{}").statusCode(200).body("data.released", equalTo(true));
        post(token, COUPONS + "/redemptions/" + order + "/release", "{}").statusCode(200).body("data.released", equalTo(false));
        assertEquals(0, used(id));
        reserve(token, code, "ORD-" + UUID.randomUUID()).statusCode(200);
        // a used coupon cannot be deleted, only deactivated
        problem(given().auth().oauth2(ADMIN).delete(COUPONS + "/" + id).then(), 409);
        Catalog.put(ADMIN, COUPONS + "/" + id, "{\"active\":false}").statusCode(200).body("data.active", equalTo(false));
        problem(post(token, COUPONS + "/quote", "{\"code\":\"" + code + "\",\"items\":" + items(tenDollars, "1") + "}"), 422);
    }

    @Test
    void cancelledOrdersGiveTheirUseBackOncePaidOnesKeepIt() {
        String code = code();
        String id = create("{\"code\":\"" + code + "\",\"type\":\"percentage\",\"value\":50,\"maxUses\":10}");
        String userId = newId();
        String cancelled = "ORD-" + UUID.randomUUID();
        String paid = "ORD-" + UUID.randomUUID();
        reserve(TestTokens.user(userId), code, cancelled).statusCode(200);
        reserve(TestTokens.user(userId), code, paid).statusCode(200);
        assertEquals(2, used(id));
        String eventId = UUID.randomUUID().toString();
        send("order.created", eventId, paid, "{\"orderId\":\"" + paid + "\",\"userId\":\"" + userId + "\"}");
        long downloads = downloads(tenDollars);
        send("payment.success", UUID.randomUUID().toString(), paid, "{\"orderId\":\"" + paid + "\",\"userId\":\""
                + userId + "\",\"items\":[{\"productId\":\"" + tenDollars + "\",\"quantity\":1}]}");
        Eventually.await("payment applied", Duration.ofSeconds(60), () -> downloads(tenDollars) == downloads + 1);
        send("order.cancelled", "poison-" + eventId, cancelled, "{not json");
        String cancelEvent = UUID.randomUUID().toString();
        send("order.cancelled", cancelEvent, cancelled, "{\"orderId\":\"" + cancelled + "\",\"userId\":\"" + userId + "\"}");
        Eventually.await("cancelled order's use released", Duration.ofSeconds(60), () -> used(id) == 1);
        // redelivered cancellation, and a cancellation of the paid order arriving late, change nothing
        send("order.cancelled", cancelEvent, cancelled, "{\"orderId\":\"" + cancelled + "\",\"userId\":\"" + userId + "\"}");
        send("order.cancelled", UUID.randomUUID().toString(), paid, "{\"orderId\":\"" + paid + "\",\"userId\":\"" + userId + "\"}");
        Eventually.sleep(2000);
        assertEquals(1, used(id));
    }

    private static long downloads(String productId) {
        return given().get("/api/marketplace/products/" + productId).then().statusCode(200).extract()
                .<Number>path("data.downloadCount").longValue();
    }

    private static void send(String topic, String eventId, String key, String payload) {
        KafkaTopicReader.send(topic, key, payload, Map.of("ce_id", eventId, "ce_type", topic, "ce_source", "/order",
                "ce_specversion", "1.0", "ce_time", Instant.now().toString()));
    }
}
