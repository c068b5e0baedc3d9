package com.autopilotmonster.cart.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;

/** Calls to the cart server (REST Assured, money read as BigDecimal so amounts compare exactly). */
final class Carts {

    private Carts() {
    }

    /** Points REST Assured at the cart server and waits for it and the real marketplace. */
    static void target() {
        ServiceUnderTest.target(4009);
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        Marketplace.awaitReady();
    }

    /** A fresh user id and its token. */
    static String newUser() {
        return TestTokens.user(new ObjectId().toHexString());
    }

    static ValidatableResponse get(String token) {
        return given().auth().oauth2(token).get("/api/cart").then();
    }

    static ValidatableResponse add(String token, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post("/api/cart/items").then();
    }

    static ValidatableResponse add(String token, String productId, int quantity) {
        return add(token, "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}");
    }

    static ValidatableResponse update(String token, String productId, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .put("/api/cart/items/" + productId).then();
    }

    static ValidatableResponse remove(String token, String productId) {
        return given().auth().oauth2(token).delete("/api/cart/items/" + productId).then();
    }

    static ValidatableResponse clear(String token) {
        return given().auth().oauth2(token).delete("/api/cart").then();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(containsString("application/problem+json"))
                .body("success", equalTo(false)).body("status", equalTo(status)).body("message", notNullValue());
    }

    /** The line of the product in the cart answer, or null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> line(ValidatableResponse cart, String productId) {
        List<Map<String, Object>> items = cart.extract().path("data.items");
        return items.stream().filter(i -> productId.equals(i.get("productId"))).findFirst().orElse(null);
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
