package com.autopilotmonster.user.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's API replaced by WireMock on the port the user-it server's stripe-java is pointed at
 * ({@code stripe.api-base}), and webhooks signed as Stripe signs them ({@code t=..,v1=HMAC-SHA256(t.payload)})
 * with the user-it endpoint secret.
 */
final class StripeStub {

    static final String SECRET = System.getProperty("user.it.stripe.webhook-secret", "whsec_user_it_7d2e9b41c0");
    private static WireMockServer server;

    private StripeStub() {
    }

    static synchronized WireMockServer start() {
        if (server == null) {
            server = new WireMockServer(options().port(Integer.getInteger("user.it.stub.port", 4195)));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    private static String json(String body) {
        return body;
    }

    /** Stripe creates the customer for this user, and the subscription for the local subscription of this user. */
    static void billing(String userId, String customerId, String stripeSubscriptionId) {
        String user = "metadata[userId]=" + userId;
        start().stubFor(post(urlEqualTo("/v1/customers")).withRequestBody(containing(user))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json("{\"id\":\"" + customerId + "\",\"object\":\"customer\"}"))));
        start().stubFor(post(urlEqualTo("/v1/subscriptions")).withRequestBody(containing(user))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json("{\"id\":\"" + stripeSubscriptionId + "\",\"object\":\"subscription\","
                                + "\"status\":\"incomplete\",\"customer\":\"" + customerId + "\"}"))));
        start().stubFor(post(urlEqualTo("/v1/subscriptions/" + stripeSubscriptionId))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json("{\"id\":\"" + stripeSubscriptionId + "\",\"object\":\"subscription\","
                                + "\"status\":\"active\",\"cancel_at_period_end\":true}"))));
    }

    static int calls(String path, String... parameters) {
        var pattern = postRequestedFor(urlEqualTo(path));
        for (String p : parameters) {
            pattern = pattern.withRequestBody(containing(p));
        }
        return start().findAll(pattern).size();
    }

    static String event(String id, String type, String object) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2024-06-20\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"type\":\"" + type + "\",\"data\":{\"object\":" + object + "}}";
    }

    static ValidatableResponse signed(String payload) {
        return webhook(payload, signature(payload, SECRET, Instant.now().getEpochSecond()));
    }

    static ValidatableResponse webhook(String payload, String signature) {
        var spec = given().contentType("application/json").body(payload.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            spec = spec.header("Stripe-Signature", signature);
        }
        return spec.post("/api/users/webhooks/stripe").then();
    }

    static String signature(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder();
            for (byte b : mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return "t=" + timestamp + ",v1=" + hex;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
