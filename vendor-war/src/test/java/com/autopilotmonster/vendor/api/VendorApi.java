package com.autopilotmonster.vendor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.types.ObjectId;

/** Calls to the vendor-it server (money read as BigDecimal) and the real marketplace, and events on Kafka. */
final class VendorApi {

    static final String MARKETPLACE = "http://localhost:" + Integer.getInteger("marketplace.port", 4003);
    static final String ADMIN = TestTokens.admin(new ObjectId().toHexString());
    static final Duration EVENT_WAIT = Duration.ofSeconds(60);

    private VendorApi() {
    }

    static void target() {
        StripeStub.start();
        ServiceUnderTest.target(4106);
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        Eventually.await("marketplace ready on " + MARKETPLACE, Duration.ofSeconds(180),
                () -> given().baseUri(MARKETPLACE).get("/health/ready").statusCode() == 200);
    }

    /** A vendor (new user id) and its token. */
    record Seller(String id, String token) {
        static Seller fresh() {
            String id = new ObjectId().toHexString();
            return new Seller(id, TestTokens.vendor(id));
        }
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(containsString("application/problem+json"))
                .body("success", equalTo(false)).body("message", notNullValue());
    }

    static ValidatableResponse putProfile(Seller s, String json) {
        return as(s.token()).body(json).put("/api/vendors/profile").then();
    }

    static ValidatableResponse admin(String method, String path, String json) {
        RequestSpecification r = as(ADMIN);
        if (json != null) {
            r = r.body(json);
        }
        return r.request(method, "/api/vendors/admin" + path).then();
    }

    /** A vendor record created and approved by an admin, known as active by the marketplace. */
    static Seller activeVendor(String name) {
        Seller s = Seller.fresh();
        putProfile(s, "{\"name\":\"" + name + "\",\"email\":\"" + s.id() + "@vendors.test\",\"payout\":"
                + "{\"stripeAccountId\":\"" + account(s) + "\"}}").statusCode(201);
        admin("POST", "/vendors/" + s.id() + "/approve", null).statusCode(200).body("data.status", equalTo("active"));
        // the marketplace publishes its products only once it has applied vendor.approved
        Eventually.await("the marketplace knows vendor " + s.id() + " as active", EVENT_WAIT,
                () -> "active".equals(given().baseUri(MARKETPLACE).auth().oauth2(ADMIN)
                        .get("/api/marketplace/vendors/{id}/status", s.id()).then().extract().path("data.status")));
        return s;
    }

    /** The vendor's (stubbed) Stripe Connect account. */
    static String account(Seller s) {
        return "acct_it" + s.id();
    }

    static String productJson(String name, String price) {
        return "{\"name\":\"" + name + "\",\"description\":\"A vendor test workflow\",\"price\":" + price
                + ",\"category\":\"automation\",\"tags\":[\"vendor-it\"],\"images\":[\"https://cdn.example.test/"
                + UUID.randomUUID() + ".png\"]}";
    }

    /** Created through the vendor service (which calls the marketplace with the vendor's token). */
    static String createProduct(Seller s, String name, String price) {
        return as(s.token()).body(productJson(name, price)).post("/api/vendors/products").then().statusCode(201)
                .body("data.vendorId", equalTo(s.id())).extract().path("data._id");
    }

    /** Admin moderation in the marketplace itself. */
    static ValidatableResponse setProductStatus(String productId, String status) {
        return given().baseUri(MARKETPLACE).auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"status\":\"" + status + "\"}").put("/api/marketplace/products/" + productId).then();
    }

    static String productStatus(Seller s, String productId) {
        return as(s.token()).get("/api/vendors/products/" + productId).then().statusCode(200).extract().path("data.status");
    }

    /** Writes an event the way common-ejb's outbox relay does: spec payload, CloudEvents binary headers. */
    static void publish(String topic, String key, String eventId, String payload) {
        KafkaTopicReader.send(topic, key, payload, Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", topic,
                "ce_source", "/vendor-it", "ce_time", Instant.now().toString(), "content-type", "application/json"));
    }

    record Line(String productId, String vendorId, String price, int quantity) {
    }

    /** payment.success (or order.refunded) as order-war publishes it. */
    static String orderPayload(String orderId, List<Line> lines) {
        StringBuilder items = new StringBuilder();
        BigDecimal total = BigDecimal.ZERO;
        for (Line l : lines) {
            items.append(items.length() == 0 ? "" : ",").append("{\"productId\":\"").append(l.productId())
                    .append("\",\"productName\":\"Product ").append(l.productId()).append("\",\"vendorId\":\"")
                    .append(l.vendorId()).append("\",\"price\":").append(l.price()).append(",\"quantity\":")
                    .append(l.quantity()).append('}');
            total = total.add(new BigDecimal(l.price()).multiply(BigDecimal.valueOf(l.quantity())));
        }
        return "{\"orderId\":\"" + orderId + "\",\"userId\":\"" + new ObjectId().toHexString() + "\",\"amount\":" + total
                + ",\"currency\":\"USD\",\"paymentMethod\":\"stripe\",\"paymentId\":\"pi_" + UUID.randomUUID()
                + "\",\"items\":[" + items + "],\"timestamp\":\"" + Instant.now() + "\"}";
    }

    static String sale(String orderId, List<Line> lines) {
        String eventId = UUID.randomUUID().toString();
        publish("payment.success", orderId, eventId, orderPayload(orderId, lines));
        return eventId;
    }

    static String refund(String orderId, List<Line> lines) {
        String eventId = UUID.randomUUID().toString();
        publish("order.refunded", orderId, eventId, orderPayload(orderId, lines));
        return eventId;
    }

    /** Pins the money settings of the IT server (its own database): 20 %, minimum 10.00, holding 4 (seconds here). */
    static void pinSettings(String rate, String minimum, int holding) {
        publish("settings.updated", "platform", UUID.randomUUID().toString(), "{\"commissionRate\":\"" + rate
                + "\",\"payoutMinimum\":\"" + minimum + "\",\"payoutHoldingDays\":" + holding
                + ",\"maxProductsPerVendor\":100,\"featuredSlots\":6,\"maintenanceMessage\":\"\",\"updatedBy\":\"vendor-it\","
                + "\"timestamp\":\"" + Instant.now() + "\"}");
        Seller probe = Seller.fresh();
        Eventually.await("settings " + rate + "/" + minimum + "/" + holding, EVENT_WAIT, (java.util.function.BooleanSupplier) () -> {
            ValidatableResponse r = as(probe.token()).get("/api/vendors/settings").then().statusCode(200);
            return rate.equals(r.extract().path("data.commissionRate")) && minimum.equals(r.extract().path("data.payoutMinimum"))
                    && String.valueOf(holding).equals(String.valueOf(r.extract().<Object>path("data.payoutHoldingDays")));
        });
    }

    /** net = gross - commission, commission half-up to the cent: the ledger's rule. */
    static BigDecimal net(String price, int quantity, String rate) {
        BigDecimal gross = new BigDecimal(price).multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        return gross.subtract(gross.multiply(new BigDecimal(rate)).setScale(2, RoundingMode.HALF_UP));
    }

    /** The USD totals of the vendor's earnings (null members read as zero). */
    static Map<String, BigDecimal> totals(Seller s) {
        List<Map<String, Object>> totals = as(s.token()).get("/api/vendors/earnings").then().statusCode(200)
                .extract().path("data.totals");
        Map<String, Object> usd = totals.stream().filter(t -> "USD".equals(t.get("currency"))).findFirst().orElse(Map.of());
        return Map.of("lifetime", amount(usd.get("lifetime")), "pending", amount(usd.get("pending")),
                "available", amount(usd.get("available")), "inFlight", amount(usd.get("inFlight")),
                "paidOut", amount(usd.get("paidOut")));
    }

    private static BigDecimal amount(Object o) {
        return o == null ? BigDecimal.ZERO : new BigDecimal(o.toString());
    }

    static Map<String, BigDecimal> awaitTotals(Seller s, String what, java.util.function.Predicate<Map<String, BigDecimal>> ok) {
        return Eventually.await(what, EVENT_WAIT, () -> {
            Map<String, BigDecimal> t = totals(s);
            return ok.test(t) ? t : null;
        });
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }
}
