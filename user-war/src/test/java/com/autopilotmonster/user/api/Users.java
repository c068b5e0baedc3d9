package com.autopilotmonster.user.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bson.types.ObjectId;

/** Calls to the user server (the user-it instance) and events written to Kafka as the services' outboxes write them. */
final class Users {

    static final int DOWNLOAD_LIMIT = Integer.getInteger("user.it.download.limit", 3);

    private Users() {
    }

    static void target() {
        ServiceUnderTest.target(4105);
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    /** A fresh user: its id and token. */
    record User(String id, String token) {
        static User fresh() {
            String id = new ObjectId().toHexString();
            return new User(id, TestTokens.user(id));
        }
    }

    static ValidatableResponse get(String token, String path) {
        return (token == null ? given() : given().auth().oauth2(token)).get(path).then();
    }

    /** A GET whose path is sent exactly as written (already percent-encoded, braces and all). */
    static ValidatableResponse getRaw(String token, String path) {
        return (token == null ? given() : given().auth().oauth2(token)).urlEncodingEnabled(false).get(path).then();
    }

    static ValidatableResponse send(String method, String token, String path, String json) {
        var spec = (token == null ? given() : given().auth().oauth2(token)).contentType(ContentType.JSON);
        if (json != null) {
            spec = spec.body(json);
        }
        return spec.request(method, path).then();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(containsString("application/problem+json"))
                .body("success", equalTo(false)).body("status", equalTo(status)).body("message", notNullValue());
    }

    /** Writes an event the way common-ejb's outbox relay does: spec payload, CloudEvents binary headers. */
    static void publish(String topic, String key, String eventId, String payload) {
        KafkaTopicReader.send(topic, key, payload, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_type", topic, "ce_source", "/user-it", "ce_time", Instant.now().toString(),
                "content-type", "application/json"));
    }

    static String eventId() {
        return UUID.randomUUID().toString();
    }

    static String productId() {
        return new ObjectId().toHexString();
    }

    static String orderId() {
        return new ObjectId().toHexString();
    }

    /** One line of an order event: {productId, productName, vendorId, price, quantity}. */
    static String item(String productId, String name, String price) {
        return "{\"productId\":\"" + productId + "\",\"productName\":\"" + name + "\",\"vendorId\":\""
                + "5f0000000000000000000001\",\"price\":" + price + ",\"quantity\":1}";
    }

    static String orderCreated(String orderId, String userId, String... items) {
        return "{\"orderId\":\"" + orderId + "\",\"userId\":\"" + userId + "\",\"items\":[" + String.join(",", items)
                + "],\"subtotal\":1.00,\"tax\":0.10,\"total\":1.10,\"currency\":\"USD\",\"timestamp\":\"" + Instant.now() + "\"}";
    }

    static String paymentSuccess(String orderId, String userId, String... items) {
        return "{\"orderId\":\"" + orderId + "\",\"userId\":\"" + userId + "\",\"amount\":1.10,\"currency\":\"USD\","
                + "\"paymentMethod\":\"stripe\",\"paymentId\":\"pi_" + orderId + "\",\"items\":[" + String.join(",", items)
                + "],\"timestamp\":\"" + Instant.now() + "\"}";
    }

    static String orderRefunded(String orderId, String userId, String... items) {
        return "{\"orderId\":\"" + orderId + "\",\"userId\":\"" + userId + "\",\"amount\":1.10,\"currency\":\"USD\","
                + "\"paymentMethod\":\"stripe\",\"paymentId\":\"pi_" + orderId + "\",\"items\":[" + String.join(",", items)
                + "],\"timestamp\":\"" + Instant.now() + "\"}";
    }

    static String orderCancelled(String orderId, String userId) {
        return "{\"orderId\":\"" + orderId + "\",\"userId\":\"" + userId + "\",\"reason\":\"user-it\",\"timestamp\":\""
                + Instant.now() + "\"}";
    }

    static String productEvent(String productId, String name, String price, String status, String deliveryUrl) {
        return "{\"productId\":\"" + productId + "\",\"vendorId\":\"5f0000000000000000000001\",\"name\":\"" + name
                + "\",\"price\":" + price + ",\"category\":\"automation\",\"status\":\"" + status + "\""
                + (deliveryUrl == null ? "" : ",\"deliveryUrl\":\"" + deliveryUrl + "\"")
                + ",\"timestamp\":\"" + Instant.now() + "\"}";
    }
}
