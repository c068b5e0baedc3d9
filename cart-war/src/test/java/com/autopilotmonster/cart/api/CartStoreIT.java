package com.autopilotmonster.cart.api;

import static com.autopilotmonster.cart.api.Carts.add;
import static com.autopilotmonster.cart.api.Carts.get;
import static com.autopilotmonster.cart.api.Carts.money;
import static com.autopilotmonster.cart.api.Carts.update;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the cart store holds: carts expire 7 days after the last change (TTL index declared for stores that
 * honour it, expired carts never served, the sweep deleting them where TTL does nothing - as in this
 * Mongo-wire store), carts written by the Node service are read as they are, a cart's size is bounded.
 */
class CartStoreIT {

    private static MongoClient mongo;
    private static MongoCollection<Document> carts;

    @BeforeAll
    static void setUp() {
        Carts.target();
        mongo = MongoClients.create(System.getProperty("mongodb.uri", "mongodb://127.0.0.1:27017"));
        carts = mongo.getDatabase("cart_db").getCollection("carts");
    }

    @AfterAll
    static void tearDown() {
        mongo.close();
    }

    /** A cart as the Node service stored it: Number prices, no __v, Mongoose timestamps. */
    private static Document storedCart(String userId, Instant expiresAt, String productId) {
        Instant updated = expiresAt.minus(Duration.ofDays(7));
        return new Document("_id", new ObjectId()).append("userId", userId)
                .append("items", List.of(new Document("productId", productId).append("productName", "Stored line")
                        .append("price", 4.2).append("quantity", 2).append("thumbnail", "https://cdn.example.test/s.png")))
                .append("subtotal", 8.4).append("tax", 0.84).append("total", 9.24).append("currency", "USD")
                .append("createdAt", Date.from(updated)).append("updatedAt", Date.from(updated))
                .append("expiresAt", Date.from(expiresAt));
    }

    @Test
    void theTtlAndUniqueUserIndexesAreDeclared() {
        List<Document> indexes = Eventually.await("cart indexes created", Duration.ofSeconds(30), () -> {
            List<Document> all = carts.listIndexes().into(new ArrayList<>());
            return all.stream().anyMatch(i -> "expiresAt_1".equals(i.getString("name"))) ? all : null;
        });
        Document ttl = indexes.stream().filter(i -> "expiresAt_1".equals(i.getString("name"))).findFirst().orElseThrow();
        assertEquals(0L, ((Number) ttl.get("expireAfterSeconds")).longValue());
        Document userId = indexes.stream().filter(i -> "userId_1".equals(i.getString("name"))).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, userId.getBoolean("unique"));
    }

    @Test
    void anExpiredCartIsNeverServedAndTheNextChangeStartsAFreshOne() {
        String userId = new ObjectId().toHexString();
        String token = TestTokens.user(userId);
        carts.insertOne(storedCart(userId, Instant.now().minusSeconds(60), new ObjectId().toHexString()));

        get(token).statusCode(200).body("data.items", empty()).body("data.total", comparesEqualTo(money("0")));
        String product = Marketplace.createActive("Fresh " + UUID.randomUUID(), "2.00");
        add(token, product, 1).statusCode(200).body("data.items", hasSize(1))
                .body("data.items[0].productId", equalTo(product));
        assertEquals(1, carts.countDocuments(Filters.eq("userId", userId)));
    }

    @Test
    void theSweepDeletesExpiredCartsAndKeepsLiveOnes() {
        String expiredUser = new ObjectId().toHexString();
        String liveUser = new ObjectId().toHexString();
        carts.insertOne(storedCart(expiredUser, Instant.now().minusSeconds(5), new ObjectId().toHexString()));
        carts.insertOne(storedCart(liveUser, Instant.now().plus(Duration.ofDays(3)), new ObjectId().toHexString()));

        // nobody reads either cart: only the sweep (cart.sweep-interval-seconds, 20 s) can remove the first
        Eventually.await("expired cart swept", Duration.ofSeconds(60),
                () -> carts.countDocuments(Filters.eq("userId", expiredUser)) == 0);
        assertNotNull(carts.find(Filters.eq("userId", liveUser)).first());
    }

    @Test
    void aFullCartTakesMoreOfAProductItHoldsButNoNewProduct() {
        String userId = new ObjectId().toHexString();
        String token = TestTokens.user(userId);
        String product = Marketplace.createActive("Full " + UUID.randomUUID(), "1.00");
        add(token, product, 1).statusCode(200);
        // fill the stored cart up to cart.max-lines (100) without 99 catalog round trips
        List<Document> lines = new ArrayList<>(carts.find(Filters.eq("userId", userId)).first().getList("items", Document.class));
        while (lines.size() < 100) {
            lines.add(new Document("productId", new ObjectId().toHexString()).append("productName", "Filler")
                    .append("price", 0.5).append("quantity", 1).append("available", true));
        }
        carts.updateOne(Filters.eq("userId", userId), new Document("$set", new Document("items", lines)));
        String another = Marketplace.createActive("One too many " + UUID.randomUUID(), "1.00");
        Carts.problem(add(token, another, 1), 422);
        add(token, product, 1).statusCode(200).body("data.items", hasSize(100));
        Carts.remove(token, lines.get(99).getString("productId")).statusCode(200);
        add(token, another, 1).statusCode(200).body("data.items", hasSize(100));
    }

    @Test
    void aCartWrittenByTheNodeServiceIsReadAndChangedAsIs() {
        String userId = new ObjectId().toHexString();
        String token = TestTokens.user(userId);
        String productId = new ObjectId().toHexString();
        carts.insertOne(storedCart(userId, Instant.now().plus(Duration.ofDays(2)), productId));

        get(token).statusCode(200).body("data.items", hasSize(1)).body("data.items[0].price", comparesEqualTo(money("4.20")))
                .body("data.items[0].available", equalTo(true)).body("data.subtotal", comparesEqualTo(money("8.40")));
        // a change restarts the 7 days and writes the version the optimistic updates use from then on
        update(token, productId, "{\"quantity\":3}").statusCode(200).body("data.subtotal", comparesEqualTo(money("12.60")))
                .body("data.tax", comparesEqualTo(money("1.26"))).body("data.total", comparesEqualTo(money("13.86")));
        Document stored = carts.find(Filters.eq("userId", userId)).first();
        assertEquals(1L, ((Number) stored.get("__v")).longValue());
        Duration life = Duration.between(stored.getDate("updatedAt").toInstant(), stored.getDate("expiresAt").toInstant());
        assertEquals(Duration.ofDays(7), life);
        assertEquals(13.86, stored.getDouble("total"), 0.0);
    }
}
