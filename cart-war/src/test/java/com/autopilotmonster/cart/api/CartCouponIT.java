package com.autopilotmonster.cart.api;

import static com.autopilotmonster.cart.api.Carts.money;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Coupons on the cart, quoted by the REAL marketplace (the coupons' owner) with the buyer's token. */
class CartCouponIT {

    private static String widget;
    private static String gadget;

    @BeforeAll
    static void setUp() {
        Carts.target();
        widget = Marketplace.createActive("Coupon widget " + UUID.randomUUID(), "20.00");
        gadget = Marketplace.createActive("Coupon gadget " + UUID.randomUUID(), "5.00");
    }

    private static String coupon(String json) {
        String code = "CART" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        given().baseUri(Marketplace.URL).auth().oauth2(Marketplace.ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\"," + json + "}").post("/api/marketplace/coupons").then().statusCode(201);
        return code;
    }

    private static ValidatableResponse apply(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/cart/coupon").then();
    }

    private static void problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(containsString("application/problem+json")).body("success", equalTo(false));
    }

    @Test
    void anAppliedCouponLowersTheTotalsAndFollowsTheLines() {
        String code = coupon("\"type\":\"percentage\",\"value\":10,\"minSubtotal\":35");
        String token = Carts.newUser();
        Carts.add(token, widget, 1).statusCode(200);
        // below the minimum subtotal: refused with the marketplace's reason, nothing applied
        problem(apply(token, "{\"couponCode\":\"" + code + "\"}").body("message", containsString("at least")), 422);
        Carts.add(token, widget, 1).statusCode(200);
        // the original client's body; 2 x 20.00 = 40.00, 10 % off = 4.00, tax 10 % of 36.00 = 3.60, total 39.60
        apply(token, "{\"couponCode\":\"" + code.toLowerCase(Locale.ROOT) + "\"}").statusCode(200)
                .body("message", equalTo("Coupon applied successfully")).body("data.couponCode", equalTo(code))
                .body("data.subtotal", comparesEqualTo(money("40.00"))).body("data.discount", comparesEqualTo(money("4.00")))
                .body("data.tax", comparesEqualTo(money("3.60"))).body("data.total", comparesEqualTo(money("39.60")));
        Carts.get(token).statusCode(200).body("data.discount", comparesEqualTo(money("4.00")));
        // more lines: quoted again
        Carts.add(token, gadget, 2).statusCode(200).body("data.discount", comparesEqualTo(money("5.00")))
                .body("data.total", comparesEqualTo(money("49.50")));
        // below the minimum again: the coupon no longer applies and leaves the cart
        Carts.update(token, widget, "{\"quantity\":1}").statusCode(200).body("data.couponCode", nullValue())
                .body("data.discount", comparesEqualTo(money("0.00"))).body("data.total", comparesEqualTo(money("33.00")));
    }

    @Test
    void removingTheCouponAndRefusals() {
        String code = coupon("\"type\":\"fixed\",\"value\":7.5");
        String token = Carts.newUser();
        // an empty cart takes no coupon
        problem(apply(token, "{\"couponCode\":\"" + code + "\"}"), 422);
        Carts.add(token, gadget, 1).statusCode(200);
        // a fixed amount never exceeds what it applies to
        apply(token, "{\"code\":\"" + code + "\"}").statusCode(200).body("data.discount", comparesEqualTo(money("5.00")))
                .body("data.total", comparesEqualTo(money("0.00")));
        given().auth().oauth2(token).delete("/api/cart/coupon").then().statusCode(200)
                .body("message", equalTo("Coupon removed successfully")).body("data.couponCode", nullValue())
                .body("data.discount", comparesEqualTo(money("0.00"))).body("data.total", comparesEqualTo(money("5.50")));
        problem(apply(token, "{\"couponCode\":\"NOSUCH" + code + "\"}"), 404);
        problem(apply(token, "{\"couponCode\":{\"$ne\":null}}"), 400);
        problem(apply(token, "{\"couponCode\":\"" + "A".repeat(500) + "\"}"), 400);
        problem(apply(token, "{}"), 400);
        problem(apply(token, "{\"couponCode\":"), 400);
        problem(given().contentType(ContentType.JSON).body("{\"couponCode\":\"" + code + "\"}").post("/api/cart/coupon").then(), 401);
        Carts.get(token).statusCode(200).body("data.couponCode", nullValue());
    }
}
