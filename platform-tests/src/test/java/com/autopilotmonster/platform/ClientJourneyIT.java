package com.autopilotmonster.platform;

import static com.autopilotmonster.platform.Platform.api;
import static com.autopilotmonster.platform.Platform.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.autopilotmonster.testsupport.Eventually;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The original web client's checkout, with only the request bodies its API modules send (auth.api, cart.api,
 * checkout.api, order.api), through the gateway: register, cart, coupon, checkout session, a saved (sandbox)
 * card, payment, the order and the buyer's statistics.
 */
class ClientJourneyIT {

    private static final String PASSWORD = "client journey passphrase " + UUID.randomUUID();

    @BeforeAll
    static void platform() {
        Platform.ready();
    }

    /** A product of an onboarded, approved vendor, published by the admin. */
    private static String product(String admin, String price) {
        JsonPath vendor = Platform.register("vendor", PASSWORD);
        String token = vendor.getString("data.accessToken");
        String vendorId = vendor.getString("data.user.userId");
        api(token).body("{\"name\":\"Client journey seller\"}").put("/api/vendors/profile").then().statusCode(201);
        api(admin).post("/api/vendors/admin/vendors/{id}/approve", vendorId).then().statusCode(200);
        String productId = post(token, "/api/vendors/products", "{\"name\":\"Client journey " + UUID.randomUUID()
                + "\",\"description\":\"Sorts the inbox\",\"price\":" + price + ",\"category\":\"automation\"}")
                .statusCode(201).extract().path("data._id");
        Eventually.await("published", Duration.ofSeconds(60), () -> api(admin).body("{\"status\":\"active\"}")
                .put("/api/marketplace/products/{id}", productId).statusCode() == 200);
        return productId;
    }

    @Test
    void theClientsOwnBodiesBuyWithACouponThroughACheckoutSession() {
        String admin = Platform.adminToken();
        String productId = product(admin, "50.00");
        String code = "CLIENT" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
        post(admin, "/api/marketplace/coupons", "{\"code\":\"" + code + "\",\"type\":\"percentage\",\"value\":20,"
                + "\"maxUses\":5}").statusCode(201);

        // auth.api: RegisterData {email, password, firstName, lastName}
        String email = "client-" + UUID.randomUUID() + "@example.test";
        post(null, "/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"firstName\":\"Grace\",\"lastName\":\"Hopper\"}").statusCode(201).body("data.user.userId", notNullValue());
        String token = post(null, "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .statusCode(200).extract().path("data.accessToken");

        // cart.api: addToCart {productId, quantity}, applyCoupon {couponCode}
        post(token, "/api/cart/items", "{\"productId\":\"" + productId + "\",\"quantity\":2}").statusCode(200);
        String cartId = post(token, "/api/cart/coupon", "{\"couponCode\":\"" + code + "\"}").statusCode(200)
                .body("data.couponCode", equalTo(code)).body("data.discount", equalTo(20.0f)).extract().path("data.cartId");

        // checkout.api: createSession {cartId}; addPaymentMethod (PaymentMethod without id); processPayment
        String sessionId = post(token, "/api/checkout/session", "{\"cartId\":\"" + cartId + "\"}").statusCode(201)
                .body("data.subtotal", equalTo(100.0f)).body("data.discount", equalTo(20.0f))
                .body("data.total", equalTo(88.0f)).body("data.status", equalTo("pending")).extract().path("data.sessionId");
        api(token).get("/api/checkout/session/" + sessionId).then().statusCode(200).body("data.cartId", equalTo(cartId));
        String card = post(token, "/api/checkout/payment-methods", "{\"type\":\"credit_card\",\"last4\":\"4242\","
                + "\"brand\":\"visa\",\"expiryMonth\":12,\"expiryYear\":2031,\"isDefault\":true}").statusCode(201)
                .body("data.isDefault", equalTo(true)).extract().path("data.id");
        api(token).get("/api/checkout/payment-methods").then().statusCode(200).body("data", hasSize(1));
        String orderId = post(token, "/api/checkout/session/" + sessionId + "/payment", "{\"paymentMethodId\":\"" + card
                + "\",\"billingAddress\":{\"firstName\":\"Grace\",\"lastName\":\"Hopper\",\"address1\":\"1 Navy Yard\","
                + "\"city\":\"Arlington\",\"state\":\"VA\",\"country\":\"US\",\"postalCode\":\"22202\",\"phone\":\"+1 555 0100\"},"
                + "\"savePaymentMethod\":true}").statusCode(200).body("data.status", equalTo("success"))
                .extract().path("data.orderId");

        // order.api: the order and the buyer's statistics
        api(token).get("/api/orders/" + orderId).then().statusCode(200).body("data.status", equalTo("completed"))
                .body("data.couponCode", equalTo(code)).body("data.discount", equalTo(20.0f)).body("data.total", equalTo(88.0f));
        api(token).get("/api/orders?page=1&limit=10").then().statusCode(200).body("data.orders", hasSize(1))
                .body("data.pagination.total", equalTo(1));
        api(token).get("/api/orders/" + orderId + "/payment").then().statusCode(200).body("data.status", notNullValue());
        api(token).get("/api/stats").then().statusCode(200).body("data.totalOrders", equalTo(1))
                .body("data.byStatus.completed", equalTo(1)).body("data.totalSpent", equalTo(88.0f));
        // the coupon's use is counted once
        api(admin).queryParam("search", code).get("/api/marketplace/coupons").then().statusCode(200)
                .body("data.coupons[0].used", equalTo(1));
    }
}
