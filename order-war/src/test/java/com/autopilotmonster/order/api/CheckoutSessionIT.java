package com.autopilotmonster.order.api;

import static com.autopilotmonster.order.api.OrderFixtures.newUserId;
import static com.autopilotmonster.order.api.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The original client's checkout sessions and saved payment methods, on the real order, cart and marketplace
 * servers, Stripe replaced by its WireMock stub (the order-it server runs with live keys against it).
 */
class CheckoutSessionIT {

    private static final String CART = "http://localhost:" + OrderFixtures.CART_PORT;
    private static final String ADDRESS = "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"address1\":\"12 Analytical Row\","
            + "\"city\":\"London\",\"state\":\"\",\"country\":\"GB\",\"postalCode\":\"N1 9GU\",\"phone\":\"+44 20 0000\"}";

    @BeforeAll
    static void servers() {
        OrderFixtures.servers();
        ProviderStub.stripeCustomers();
    }

    private static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static void problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(containsString("application/problem+json")).body("success", equalTo(false));
    }

    private static String pm() {
        return "pm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static String savedCard(String token, boolean declined) {
        String id = pm();
        ProviderStub.stripeAttach(id, "visa", declined ? "0002" : "4242");
        ProviderStub.stripeSavedCharge(id, "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), declined);
        post(token, "/api/checkout/payment-methods", "{\"paymentMethodId\":\"" + id + "\"}").statusCode(201);
        return id;
    }

    private static String cartWith(String token, String productId, int quantity) {
        return given().baseUri(CART).auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}").post("/api/cart/items")
                .then().statusCode(200).extract().path("data._id");
    }

    @Test
    void savedPaymentMethodsComeFromStripeNeverFromCardData() {
        String token = TestTokens.user(newUserId());
        String first = pm();
        ProviderStub.stripeAttach(first, "visa", "4242");
        post(token, "/api/checkout/payment-methods", "{\"paymentMethodId\":\"" + first + "\",\"brand\":\"forged\",\"last4\":\"9999\"}")
                .statusCode(201).body("data.id", equalTo(first)).body("data._id", equalTo(first)).body("data.brand", equalTo("visa"))
                .body("data.last4", equalTo("4242")).body("data.expiryYear", equalTo(2031)).body("data.isDefault", equalTo(true))
                .body("data.type", equalTo("credit_card"));
        String second = pm();
        ProviderStub.stripeAttach(second, "mastercard", "4444");
        post(token, "/api/checkout/payment-methods", "{\"paymentMethodId\":\"" + second + "\"}").statusCode(201)
                .body("data.isDefault", equalTo(false));
        assertEquals(2, ProviderStub.stripeCallsTo("/v1/payment_methods/" + first + "/attach", "customer=cus_stub")
                + ProviderStub.stripeCallsTo("/v1/payment_methods/" + second + "/attach", "customer=cus_stub"));
        post(token, "/api/checkout/payment-methods/" + second + "/set-default", "{}").statusCode(200)
                .body("data.isDefault", equalTo(true));
        given().auth().oauth2(token).get("/api/checkout/payment-methods").then().statusCode(200)
                .body("data", hasSize(2)).body("data.find { it.id == '" + first + "' }.isDefault", equalTo(false))
                .body("data.find { it.id == '" + second + "' }.isDefault", equalTo(true));

        // card numbers and security codes are refused; so is a method without Stripe's id
        problem(post(token, "/api/checkout/payment-methods", "{\"number\":\"4242424242424242\",\"cvc\":\"123\"}"), 400);
        problem(post(token, "/api/checkout/payment-methods", "{\"type\":\"credit_card\",\"last4\":\"4242\",\"brand\":\"visa\"}"), 400);
        problem(post(token, "/api/checkout/payment-methods", "{\"paymentMethodId\":{\"$gt\":\"\"}}"), 400);
        problem(post(token, "/api/checkout/payment-methods", "{\"paymentMethodId\":"), 400);
        // another buyer cannot see, default or delete them
        String stranger = TestTokens.user(newUserId());
        given().auth().oauth2(stranger).get("/api/checkout/payment-methods").then().statusCode(200).body("data", hasSize(0));
        problem(post(stranger, "/api/checkout/payment-methods/" + first + "/set-default", "{}"), 404);
        problem(given().auth().oauth2(stranger).delete("/api/checkout/payment-methods/" + first).then(), 404);
        problem(given().get("/api/checkout/payment-methods").then(), 401);

        given().auth().oauth2(token).delete("/api/checkout/payment-methods/" + first).then().statusCode(200);
        assertEquals(1, ProviderStub.stripeCallsTo("/v1/payment_methods/" + first + "/detach"));
        given().auth().oauth2(token).get("/api/checkout/payment-methods").then().body("data", hasSize(1));
    }

    @Test
    void aSessionSnapshotsTheCartTakesACouponAndTurnsIntoOneOrder() {
        String userId = newUserId();
        String token = TestTokens.user(userId);
        String agent = product("Session agent", 40.00, "active");
        String cartId = cartWith(token, agent, 1);
        problem(post(token, "/api/checkout/session", "{\"cartId\":\"" + "0".repeat(24) + "\"}"), 404);
        String sessionId = post(token, "/api/checkout/session", "{\"cartId\":\"" + cartId + "\"}").statusCode(201)
                .body("data.sessionId", matchesPattern("cs_[0-9a-f]{32}")).body("data._id", matchesPattern("cs_[0-9a-f]{32}")).body("data.cartId", equalTo(cartId))
                .body("data.userId", equalTo(userId)).body("data.items[0].productId", equalTo(agent))
                .body("data.items[0].price", equalTo(40.0f)).body("data.subtotal", equalTo(40.0f))
                .body("data.tax", equalTo(4.0f)).body("data.total", equalTo(44.0f)).body("data.status", equalTo("pending"))
                .extract().path("data.sessionId");
        problem(given().auth().oauth2(TestTokens.user(newUserId())).get("/api/checkout/session/" + sessionId).then(), 404);
        problem(given().auth().oauth2(token).get("/api/checkout/session/not-a-session").then(), 400);

        String code = "SES" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        given().baseUri("http://localhost:" + OrderFixtures.MARKETPLACE_PORT).auth().oauth2(OrderFixtures.admin())
                .contentType(ContentType.JSON).body("{\"code\":\"" + code + "\",\"type\":\"percentage\",\"value\":25}")
                .post("/api/marketplace/coupons").then().statusCode(201);
        // the client reads discount and newTotal: 40.00 - 10.00 = 30.00 + 3.00 tax
        post(token, "/api/checkout/session/" + sessionId + "/coupon", "{\"couponCode\":\"" + code + "\"}").statusCode(200)
                .body("data.discount", equalTo(10.0f)).body("data.newTotal", equalTo(33.0f)).body("data.couponCode", equalTo(code));
        problem(post(token, "/api/checkout/session/" + sessionId + "/coupon", "{\"couponCode\":\"NOPE" + code + "\"}"), 422);

        String card = savedCard(token, false);
        problem(post(token, "/api/checkout/session/" + sessionId + "/payment", "{\"paymentMethodId\":\"" + card + "\"}"), 400);
        problem(post(token, "/api/checkout/session/" + sessionId + "/payment", "{\"paymentMethodId\":\"pm_someoneelses\","
                + "\"billingAddress\":" + ADDRESS + "}"), 404);
        String orderId = post(token, "/api/checkout/session/" + sessionId + "/payment", "{\"paymentMethodId\":\"" + card
                + "\",\"billingAddress\":" + ADDRESS + ",\"savePaymentMethod\":true}").statusCode(200)
                .body("data.status", equalTo("success")).body("data.session.status", equalTo("completed"))
                .extract().path("data.orderId");
        OrderFixtures.get(token, orderId).statusCode(200).body("data.couponCode", equalTo(code))
                .body("data.total", equalTo(33.0f)).body("data.paymentMethod", equalTo("stripe"))
                .body("data.billingAddress.name", equalTo("Ada Lovelace"));
        assertEquals(1, ProviderStub.stripeCallsTo("/v1/payment_intents", "payment_method=" + card, "confirm=true",
                "customer=cus_stub", "amount=3300"));
        // paying again answers the same order; nothing is charged twice
        post(token, "/api/checkout/session/" + sessionId + "/payment", "{\"paymentMethodId\":\"" + card
                + "\",\"billingAddress\":" + ADDRESS + "}").statusCode(200).body("data.orderId", equalTo(orderId))
                .body("data.status", equalTo("success"));
        assertEquals(1, ProviderStub.stripeCallsTo("/v1/payment_intents", "payment_method=" + card));
        given().auth().oauth2(token).get("/api/orders").then().body("data.pagination.total", equalTo(1));
        problem(post(token, "/api/checkout/session/" + sessionId + "/coupon", "{\"couponCode\":\"" + code + "\"}"), 409);
    }

    @Test
    void aDeclinedCardLeavesTheOrderForAnotherCardAndChangedPricesNeedANewSession() {
        String token = TestTokens.user(newUserId());
        String agent = product("Declined agent", 20.00, "active");
        cartWith(token, agent, 1);
        String sessionId = post(token, "/api/checkout/session", "{}").statusCode(201).extract().path("data.sessionId");
        String declined = savedCard(token, true);
        String orderId = post(token, "/api/checkout/session/" + sessionId + "/payment", "{\"paymentMethodId\":\"" + declined
                + "\",\"billingAddress\":" + ADDRESS + "}").statusCode(200).body("data.status", equalTo("failed"))
                .body("data.message", containsString("declined")).body("data.paymentStatus", equalTo("failed"))
                .body("data.session.status", equalTo("failed")).extract().path("data.orderId");
        String good = savedCard(token, false);
        post(token, "/api/checkout/session/" + sessionId + "/payment", "{\"paymentMethodId\":\"" + good + "\"}")
                .statusCode(200).body("data.orderId", equalTo(orderId)).body("data.status", equalTo("success"));
        given().auth().oauth2(token).get("/api/orders").then().body("data.pagination.total", equalTo(1));

        // the catalog's price changed after the snapshot: no order at the old price
        String other = TestTokens.user(newUserId());
        String flow = product("Repriced flow", 10.00, "active");
        cartWith(other, flow, 1);
        String stale = post(other, "/api/checkout/session", "{}").statusCode(201).extract().path("data.sessionId");
        given().baseUri("http://localhost:" + OrderFixtures.MARKETPLACE_PORT).auth()
                .oauth2(TestTokens.vendor(OrderFixtures.vendorOf(flow))).contentType(ContentType.JSON).body("{\"price\":12}")
                .put("/api/marketplace/products/" + flow).then().statusCode(200);
        String card = savedCard(other, false);
        problem(post(other, "/api/checkout/session/" + stale + "/payment", "{\"paymentMethodId\":\"" + card
                + "\",\"billingAddress\":" + ADDRESS + "}").body("message", containsString("Prices changed")), 409);
        given().auth().oauth2(other).get("/api/orders").then().body("data.pagination.total", equalTo(0));
        given().auth().oauth2(other).get("/api/checkout/session/" + stale).then().statusCode(200)
                .body("data.status", equalTo("pending")).body("data.orderId", nullValue());
        // an empty cart has no session
        problem(post(TestTokens.user(newUserId()), "/api/checkout/session", "{}"), 422);
        problem(given().contentType(ContentType.JSON).body("{}").post("/api/checkout/session").then(), 401);
    }
}
