package com.autopilotmonster.platform;

import static com.autopilotmonster.platform.Platform.api;
import static com.autopilotmonster.platform.Platform.post;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.MailCatcher;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's main journey, as a customer's browser does it, all through the gateway: register, verify
 * the email from the mail that really went out, browse a product a vendor created and an admin approved,
 * fill the cart, order, pay (the provider's signed webhook), see the order completed, payment.success on
 * Kafka and the cart emptied by order.created; finally log out, and the old token is refused everywhere.
 */
class CheckoutJourneyIT {

    private static final String PASSWORD = "journey passphrase " + UUID.randomUUID();

    @BeforeAll
    static void platform() {
        Platform.ready();
    }

    /** A product created by an approved vendor and approved by an admin, through the marketplace API. */
    static String approvedProduct(String name, String price) {
        String vendor = Platform.approvedVendor(PASSWORD).getString("data.accessToken");
        String productId = post(vendor, "/api/marketplace/products", "{\"name\":\"" + name + "\",\"description\":"
                + "\"Sorts the inbox and drafts replies\",\"price\":" + price + ",\"category\":\"automation\","
                + "\"tags\":[\"email\",\"ai\"]}").statusCode(201).body("data.status", equalTo("pending"))
                .extract().path("data._id");
        api().get("/api/marketplace/products/{id}", productId).then().statusCode(404);
        api(Platform.adminToken()).body("{\"status\":\"active\"}").put("/api/marketplace/products/{id}", productId).then()
                .statusCode(200).body("data.status", equalTo("active"));
        return productId;
    }

    private static JsonPath order(String token, String cartTotal) {
        return post(token, "/api/orders", "{\"billingAddress\":{\"name\":\"Journey User\",\"email\":\"j@example.test\","
                + "\"address\":\"1 Main St\",\"city\":\"Springfield\",\"country\":\"US\",\"zip\":\"12345\"}}")
                .statusCode(201).body("data.status", equalTo("pending")).body("data.total", equalTo(Float.parseFloat(cartTotal)))
                .extract().jsonPath();
    }

    @Test
    void registerVerifyBrowseCartOrderPayCompletedAndLogout() {
        // register and verify the address with the link from the mail that was really sent
        JsonPath session = Platform.register("user", PASSWORD);
        String token = session.getString("data.accessToken");
        String userId = session.getString("data.user._id");
        String email = session.getString("data.user.email");
        MailCatcher.Mail mail = MailCatcher.awaitMail(email, Duration.ofSeconds(60));
        String link = mail.firstLink();
        assertNotNull(link, mail.raw());
        URI verify = URI.create(link.replace("=\r\n", "").trim());
        api().get(verify.getPath()).then().statusCode(200).body("data.isEmailVerified", equalTo(true));

        // browse: the approved product is public
        String productId = approvedProduct("Journey inbox agent " + UUID.randomUUID().toString().substring(0, 6), "19.99");
        api().get("/api/marketplace/products/{id}", productId).then().statusCode(200)
                .body("data.price", equalTo(19.99f)).body("data.status", equalTo("active"));

        // cart: 2 x 19.99 = 39.98 + 10 % tax = 43.98
        post(token, "/api/cart/items", "{\"productId\":\"" + productId + "\",\"quantity\":2}")
                .statusCode(anyOf(equalTo(200), equalTo(201))).body("data.items", hasSize(1));
        String cartTotal = api(token).get("/api/cart").then().statusCode(200).extract().path("data.total").toString();
        assertEquals("43.98", cartTotal);

        // order from the cart, then start the payment
        JsonPath order = order(token, cartTotal);
        String orderId = order.getString("data.orderId");
        JsonPath payment = post(token, "/api/orders/" + orderId + "/payment", "{\"paymentMethod\":\"stripe\"}")
                .statusCode(200).body("data.mode", equalTo("sandbox")).body("data.paymentIntentId", startsWith("pi_"))
                .extract().jsonPath();
        String intentId = payment.getString("data.paymentIntentId");
        assertEquals(4398, payment.getInt("data.amountMinor"));

        // the provider's webhook, signed with the secret of the order server under test, through the gateway
        long now = Instant.now().getEpochSecond();
        String event = "{\"id\":\"evt_journey_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                + "\"created\":" + now + ",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"" + intentId
                + "\",\"object\":\"payment_intent\",\"amount\":4398,\"amount_received\":4398,\"currency\":\"usd\","
                + "\"status\":\"succeeded\",\"metadata\":{\"orderId\":\"" + orderId + "\",\"userId\":\"" + userId + "\"}}}}";
        api().header("Stripe-Signature", Platform.stripeSignature(event, "whsec_not_the_secret", now)).body(event)
                .post("/api/orders/webhooks/stripe").then().statusCode(400);
        api().header("Stripe-Signature", Platform.stripeSignature(event, Platform.SANDBOX_SECRET, now)).body(event)
                .post("/api/orders/webhooks/stripe").then().statusCode(200).body("outcome", equalTo("applied"));

        // completed, announced, and the cart emptied by the cart service on order.created
        api(token).get("/api/orders/{id}", orderId).then().statusCode(200).body("data.status", equalTo("completed"))
                .body("data.paymentStatus", equalTo("paid"));
        api(token).get("/api/orders").then().statusCode(200).body("data.orders[0].orderId", equalTo(orderId))
                .body("data.pagination.total", equalTo(1));
        KafkaTopicReader.Event success = KafkaTopicReader.awaitRecord("payment.success", Duration.ofSeconds(30),
                e -> e.value().contains(orderId));
        assertEquals(userId, JsonPath.from(success.value()).getString("userId"));
        assertEquals(productId, JsonPath.from(success.value()).getString("items[0].productId"));
        Eventually.await("cart emptied after order.created", Duration.ofSeconds(30), () -> {
            Eventually.sleep(800);
            List<?> items = api(token).get("/api/cart").then().statusCode(200).extract().path("data.items");
            return items.isEmpty();
        });

        // logout: the same token is refused by the other services too, through the gateway
        post(token, "/api/auth/logout", "{}").statusCode(200);
        api(token).get("/api/orders").then().statusCode(401).contentType(containsString("application/problem+json"));
        api(token).get("/api/cart").then().statusCode(401);
        api(token).get("/api/auth/profile").then().statusCode(401);
    }

    @Test
    void sandboxCheckoutCompletesWithoutProviderKeysThroughTheSameWebhookPath() {
        String token = Platform.register("user", PASSWORD).getString("data.accessToken");
        String productId = approvedProduct("Journey workflow " + UUID.randomUUID().toString().substring(0, 6), "5.00");
        post(token, "/api/cart/items", "{\"productId\":\"" + productId + "\",\"quantity\":1}")
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        String orderId = order(token, "5.5").getString("data.orderId");
        post(token, "/api/orders/" + orderId + "/payment", "{\"paymentMethod\":\"stripe\"}").statusCode(200)
                .body("data.clientSecret", containsString("_secret_"));
        post(token, "/api/orders/" + orderId + "/sandbox/complete", "{\"outcome\":\"succeeded\"}").statusCode(200)
                .body("data.webhook", equalTo("applied")).body("data.order.status", equalTo("completed"))
                .body("data.order.paymentStatus", equalTo("paid"));
        KafkaTopicReader.awaitRecord("payment.success", Duration.ofSeconds(30), e -> e.value().contains(orderId));
        assertTrue(api(token).get("/api/orders/{id}", orderId).then().extract().path("data.paymentIntent")
                .toString().startsWith("pi_sandbox_"));
    }
}
