package com.autopilotmonster.order.api;

import static io.restassured.RestAssured.given;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.stripe.net.Webhook;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * What the order ITs share: the servers under test (order-it with its provider stub, the real marketplace
 * and cart), catalog products, users, signed provider webhooks, Kafka counts.
 */
final class OrderFixtures {

    static final String STRIPE_SECRET = System.getProperty("order.it.stripe.webhook-secret", "whsec_order_it_4c1f0a7e2b9d");
    static final String RAZORPAY_SECRET = System.getProperty("order.it.razorpay.webhook-secret", "rzp_whsec_order_it_8e3b51");
    static final int MARKETPLACE_PORT = 4003;
    static final int CART_PORT = 4009;
    private static MongoClient mongo;

    private OrderFixtures() {
    }

    /** Order server, marketplace and cart all ready; the provider stub up. */
    static synchronized void servers() {
        ProviderStub.start();
        ServiceUnderTest.target(4104);
        for (int port : List.of(MARKETPLACE_PORT, CART_PORT)) {
            Eventually.await("server on " + port + " ready", Duration.ofSeconds(180),
                    () -> answers(port));
        }
    }

    /** Readiness of a server that may not even listen yet (RestAssured throws the checked ConnectException). */
    static boolean answers(int port) {
        try {
            return given().baseUri("http://localhost").port(port).get("/health/ready").statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static synchronized MongoDatabase db(String name) {
        if (mongo == null) {
            mongo = MongoClients.create("mongodb://127.0.0.1:27017");
        }
        return mongo.getDatabase(name);
    }

    /**
     * A product in the marketplace's store, as the marketplace writes it (the spec's model); the marketplace
     * server answers it to the order service's lookups.
     */
    static String product(String name, double price, String status) {
        ObjectId id = new ObjectId();
        Date now = new Date();
        db("marketplace_db").getCollection("products").insertOne(new Document("_id", id)
                .append("vendorId", new ObjectId().toHexString()).append("name", name)
                .append("description", "An automation for order tests").append("price", price)
                .append("category", "automation").append("tags", List.of("test")).append("images", List.of())
                .append("rating", 0.0).append("ratingSum", 0L).append("reviewCount", 0).append("downloadCount", 0L)
                .append("isFeatured", false).append("isPopular", false).append("status", status)
                .append("createdAt", now).append("updatedAt", now));
        return id.toHexString();
    }

    static String vendorOf(String productId) {
        return db("marketplace_db").getCollection("products").find(new Document("_id", new ObjectId(productId)))
                .first().getString("vendorId");
    }

    static String newUserId() {
        return new ObjectId().toHexString();
    }

    static String billing() {
        return "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.test\",\"address\":\"12 Analytical Row\","
                + "\"city\":\"London\",\"country\":\"GB\",\"zip\":\"N1 9GU\"}";
    }

    static String explicitOrder(String productId, int quantity) {
        return "{\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}],\"billingAddress\":"
                + billing() + "}";
    }

    static ValidatableResponse create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/orders").then();
    }

    /** An order for one product line, created through the API; answers the response's data. */
    static io.restassured.path.json.JsonPath order(String token, String productId, int quantity) {
        return create(token, explicitOrder(productId, quantity)).statusCode(201).extract().jsonPath();
    }

    static ValidatableResponse pay(String token, String orderId, String method) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"paymentMethod\":\"" + method + "\"}").post("/api/orders/{id}/payment", orderId).then();
    }

    static ValidatableResponse get(String token, String orderId) {
        return given().auth().oauth2(token).get("/api/orders/{id}", orderId).then();
    }

    static String admin() {
        return TestTokens.admin(newUserId());
    }

    /** A Stripe event as Stripe sends it; signed by {@link #stripeHeader}. */
    static String stripeEvent(String eventId, String type, String intentId, String orderId, long amount, String currency) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"2025-08-27.basil\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"livemode\":false,\"type\":\"" + type + "\",\"data\":{\"object\":{"
                + "\"id\":\"" + intentId + "\",\"object\":\"payment_intent\",\"amount\":" + amount
                + ",\"amount_received\":" + (type.endsWith("succeeded") ? amount : 0) + ",\"currency\":\"" + currency
                + "\",\"status\":\"" + (type.endsWith("succeeded") ? "succeeded" : "requires_payment_method") + "\","
                + "\"last_payment_error\":" + (type.endsWith("failed") ? "{\"code\":\"card_declined\",\"message\":\"Your card was declined.\"}" : "null")
                + ",\"metadata\":{\"orderId\":\"" + orderId + "\"}}}}";
    }

    static String stripeRefundEvent(String eventId, String intentId, long amount) {
        return stripeRefundEvent(eventId, intentId, amount, "usd", null);
    }

    /** {@code charge.refunded}; {@code orderId}, when given, in the charge's metadata. */
    static String stripeRefundEvent(String eventId, String intentId, long amount, String currency, String orderId) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"type\":\"charge.refunded\",\"data\":{\"object\":{\"id\":\"ch_" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"object\":\"charge\",\"amount\":" + amount + ",\"amount_refunded\":" + amount
                + ",\"currency\":\"" + currency + "\",\"refunded\":true,\"payment_intent\":\"" + intentId + "\""
                + (orderId == null ? "" : ",\"metadata\":{\"orderId\":\"" + orderId + "\"}") + "}}}";
    }

    /** {@code Stripe-Signature} exactly as Stripe computes it (stripe-java's own HMAC helper). */
    static String stripeHeader(String payload, String secret, long timestamp) {
        try {
            return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse stripeWebhook(String payload, String header) {
        io.restassured.specification.RequestSpecification request = given().contentType("application/json; charset=utf-8")
                .body(payload);
        if (header != null) {
            request.header("Stripe-Signature", header);
        }
        return request.post("/api/orders/webhooks/stripe").then();
    }

    static ValidatableResponse signedStripe(String payload) {
        return stripeWebhook(payload, stripeHeader(payload, STRIPE_SECRET, Instant.now().getEpochSecond()));
    }

    static String razorpaySignature(String payload, String secret) {
        try {
            return com.razorpay.Utils.getHash(payload, secret);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse razorpayWebhook(String payload, String signature, String eventId) {
        io.restassured.specification.RequestSpecification request = given().contentType(ContentType.JSON).body(payload);
        if (signature != null) {
            request.header("X-Razorpay-Signature", signature);
        }
        if (eventId != null) {
            request.header("X-Razorpay-Event-Id", eventId);
        }
        return request.post("/api/orders/webhooks/razorpay").then();
    }

    /** How many records on {@code topic} match, reading everything there is for {@code window}. */
    static int countRecords(String topic, Duration window, Predicate<String> matching) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, com.autopilotmonster.testsupport.KafkaTopicReader.bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "order-it-count-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        int count = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (matching.test(record.value())) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
