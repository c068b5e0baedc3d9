package com.autopilotmonster.platform;

import static com.autopilotmonster.platform.Platform.api;
import static com.autopilotmonster.platform.Platform.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.autopilotmonster.testsupport.Eventually;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A buyer's journey through the gateway over the real auth, user, marketplace, cart and order servers: the
 * default profile appears after registration, a product goes on the wishlist, the sandbox checkout pays it, the
 * purchase becomes owned in the history and the dashboard, and its signed download link delivers the vendor's
 * file (a redirect to the product's private delivery URL); another buyer cannot get it. Names changed on either
 * side (user profile or auth profile) reach the other through events within seconds. The user server runs in the
 * payments sandbox (servers.sh): a paid plan is subscribed without Stripe keys and cancelled at period end.
 */
class UserJourneyIT {

    private static final String PASSWORD = "user journey passphrase " + UUID.randomUUID();

    @BeforeAll
    static void platform() {
        Platform.ready();
    }

    @Test
    void registerWishBuyAndDownload() {
        String vendor = Platform.approvedVendor(PASSWORD).getString("data.accessToken");
        String file = "https://files.example.test/agent-" + UUID.randomUUID() + ".zip";
        String productId = post(vendor, "/api/marketplace/products", "{\"name\":\"Buyer journey " + UUID.randomUUID()
                + "\",\"description\":\"Answers tickets\",\"price\":19.00,\"category\":\"automation\",\"deliveryUrl\":\""
                + file + "\"}").statusCode(201).extract().path("data._id");
        api(Platform.adminToken()).body("{\"status\":\"active\"}").put("/api/marketplace/products/{id}", productId).then()
                .statusCode(200);

        JsonPath buyer = Platform.register("user", PASSWORD);
        String token = buyer.getString("data.accessToken");
        api(token).get("/api/users/profile").then().statusCode(200).body("data.userId",
                equalTo(buyer.getString("data.user.userId")));
        post(token, "/api/users/wishlist", "{\"productId\":\"" + productId + "\"}")
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        api(token).get("/api/users/wishlist").then().statusCode(200);

        post(token, "/api/cart/items", "{\"productId\":\"" + productId + "\",\"quantity\":1}")
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        String orderId = post(token, "/api/orders", "{\"billingAddress\":{\"name\":\"Buyer\",\"email\":\"b@example.test\","
                + "\"address\":\"1 Main St\",\"city\":\"Springfield\",\"country\":\"US\",\"zip\":\"12345\"}}")
                .statusCode(201).extract().path("data.orderId");
        post(token, "/api/orders/" + orderId + "/payment", "{\"amount\":20.90,\"method\":\"card\"}").statusCode(200);
        post(token, "/api/orders/" + orderId + "/sandbox/complete", "{\"outcome\":\"succeeded\"}").statusCode(200);

        Eventually.await("the paid purchase owned in the history", Duration.ofSeconds(60), () -> api(token)
                .get("/api/users/purchases?status=owned").then().statusCode(200).extract().jsonPath()
                .getList("data.purchases.productId").contains(productId));
        api(token).get("/api/users/dashboard").then().statusCode(200)
                .body("data.ownedProducts.productId", hasItem(productId));
        String link = api(token).get("/api/users/purchases/{id}/download", productId).then().statusCode(200)
                .extract().path("data.downloadUrl");
        // the signed link is the credential: no token, and it delivers the vendor's file
        given().baseUri("http://localhost").port(4000).redirects().follow(false).get(link).then().statusCode(302)
                .header("Location", equalTo(file));
        api(Platform.register("user", PASSWORD).getString("data.accessToken")).get("/api/users/purchases/{id}/download", productId)
                .then().statusCode(404);
    }

    private static String names(String token, String path) {
        JsonPath p = api(token).get(path).then().statusCode(200).extract().jsonPath();
        return p.getString("data.firstName") + " " + p.getString("data.lastName");
    }

    @Test
    void namesChangedOnEitherSideReachTheOther() {
        String token = Platform.register("user", PASSWORD).getString("data.accessToken");
        String first = "Grace" + UUID.randomUUID().toString().substring(0, 6);
        api(token).body("{\"firstName\":\"" + first + "\",\"lastName\":\"Hopper\"}").put("/api/users/profile").then()
                .statusCode(200).body("data.firstName", equalTo(first));
        Eventually.await("the user profile's names at auth", Duration.ofSeconds(30),
                () -> (first + " Hopper").equals(names(token, "/api/auth/profile")));

        String other = "Ada" + UUID.randomUUID().toString().substring(0, 6);
        api(token).body("{\"firstName\":\"" + other + "\",\"lastName\":\"Byron\"}").put("/api/auth/profile").then()
                .statusCode(200).body("data.firstName", equalTo(other));
        Eventually.await("auth's names in the user profile", Duration.ofSeconds(30),
                () -> (other + " Byron").equals(names(token, "/api/users/profile")));
        // and nothing bounces back to undo it
        Eventually.sleep(3000);
        org.junit.jupiter.api.Assertions.assertEquals(other + " Byron", names(token, "/api/auth/profile"));
        org.junit.jupiter.api.Assertions.assertEquals(other + " Byron", names(token, "/api/users/profile"));
    }

    @Test
    void aPaidPlanInTheSandboxIsActiveAtOnceAndCancelsAtPeriodEnd() {
        String token = Platform.register("user", PASSWORD).getString("data.accessToken");
        String id = post(token, "/api/users/subscriptions", "{\"plan\":\"pro\"}").statusCode(201)
                .body("data.status", equalTo("active")).body("data.plan", equalTo("pro"))
                .body("data.provider", equalTo("sandbox")).extract().path("data.subscriptionId");
        api(token).get("/api/users/subscriptions/active").then().statusCode(200)
                .body("data.subscriptionId", equalTo(id)).body("data.status", equalTo("active"))
                .body("data.endDate", org.hamcrest.Matchers.notNullValue());
        post(token, "/api/users/subscriptions", "{\"plan\":\"enterprise\"}").statusCode(409);

        post(token, "/api/users/subscriptions/" + id + "/cancel", "{}").statusCode(200)
                .body("data.cancelAtPeriodEnd", equalTo(true)).body("data.autoRenew", equalTo(false))
                .body("data.status", equalTo("active"));
        // access stays until the period ends
        api(token).get("/api/users/subscriptions/active").then().statusCode(200)
                .body("data.subscriptionId", equalTo(id)).body("data.cancelAtPeriodEnd", equalTo(true));
        api(token).get("/api/users/dashboard").then().statusCode(200)
                .body("data.subscription.subscriptionId", equalTo(id)).body("data.subscription.plan", equalTo("pro"))
                .body("data.subscription.cancelAtPeriodEnd", equalTo(true));
    }
}
