package com.autopilotmonster.cart.api;

import static com.autopilotmonster.cart.api.Carts.add;
import static com.autopilotmonster.cart.api.Carts.get;
import static com.autopilotmonster.cart.api.Carts.line;
import static com.autopilotmonster.cart.api.Carts.money;
import static com.autopilotmonster.cart.api.Carts.newUser;
import static com.autopilotmonster.cart.api.Carts.problem;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Carts follow the catalog and the orders through Kafka: product changes made through the real marketplace
 * API reprice or flag lines; order.created (as the order service's outbox writes it) clears ordered lines;
 * a redelivered event has no second effect.
 */
class CartEventsIT {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(45);

    @BeforeAll
    static void setUp() {
        Carts.target();
    }

    private static String product(String price) {
        return Marketplace.createActive("Event product " + UUID.randomUUID(), price);
    }

    private static ValidatableResponse awaitCart(String token, String what, Predicate<ValidatableResponse> condition) {
        return Eventually.await(what, EVENT_WAIT, () -> {
            ValidatableResponse cart = get(token).statusCode(200);
            return condition.test(cart) ? cart : null;
        });
    }

    private static boolean priceIs(ValidatableResponse cart, String productId, String price) {
        Map<String, Object> line = line(cart, productId);
        return line != null && money(price).compareTo((BigDecimal) line.get("price")) == 0;
    }

    private static boolean availableIs(ValidatableResponse cart, String productId, boolean available) {
        Map<String, Object> line = line(cart, productId);
        return line != null && Boolean.valueOf(available).equals(line.get("available"));
    }

    /** Writes an event the way common-ejb's outbox relay does: spec payload, CloudEvents binary headers. */
    private static void publish(String topic, String key, String eventId, String payload) {
        KafkaTopicReader.send(topic, key, payload, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_type", topic, "ce_source", "/cart-it", "ce_time", Instant.now().toString(),
                "content-type", "application/json"));
    }

    private static String orderCreated(String userId, String... productIds) {
        StringBuilder items = new StringBuilder();
        for (String id : productIds) {
            items.append(items.length() == 0 ? "" : ",").append("{\"productId\":\"").append(id)
                    .append("\",\"productName\":\"x\",\"price\":1.00,\"quantity\":1,\"vendorId\":\"")
                    .append(Marketplace.VENDOR_ID).append("\"}");
        }
        return "{\"orderId\":\"" + UUID.randomUUID() + "\",\"userId\":\"" + userId + "\",\"items\":[" + items
                + "],\"subtotal\":1.00,\"tax\":0.10,\"total\":1.10,\"currency\":\"USD\",\"timestamp\":\""
                + Instant.now() + "\"}";
    }

    private static String productUpdated(String productId, String name, String price, String status) {
        return "{\"productId\":\"" + productId + "\",\"vendorId\":\"" + Marketplace.VENDOR_ID + "\",\"name\":\"" + name
                + "\",\"price\":" + price + ",\"category\":\"automation\",\"status\":\"" + status
                + "\",\"timestamp\":\"" + Instant.now() + "\"}";
    }

    @Test
    void aPriceChangeInTheMarketplaceRepricesEveryCartHoldingTheProduct() {
        String product = product("10.00");
        String other = product("3.00");
        String alice = newUser();
        String bob = newUser();
        add(alice, product, 2).statusCode(200);
        add(alice, other, 1).statusCode(200);
        add(bob, product, 1).statusCode(200);

        Marketplace.setPrice(product, "12.50");

        // 2 x 12.50 + 3.00 = 28.00, tax 2.80, total 30.80
        awaitCart(alice, "alice's line repriced", c -> priceIs(c, product, "12.50"))
                .body("data.subtotal", comparesEqualTo(money("28.00"))).body("data.tax", comparesEqualTo(money("2.80")))
                .body("data.total", comparesEqualTo(money("30.80")));
        awaitCart(bob, "bob's line repriced", c -> priceIs(c, product, "12.50"))
                .body("data.total", comparesEqualTo(money("13.75")));
        assertEquals(true, priceIs(get(alice), other, "3.00"));
    }

    @Test
    void aProductThatIsNoLongerActiveIsFlaggedAndLeavesTheTotalsUntilActiveAgain() {
        String product = product("8.00");
        String kept = product("2.00");
        String token = newUser();
        add(token, product, 1).statusCode(200);
        add(token, kept, 1).statusCode(200);

        Marketplace.setStatus(product, "rejected");
        awaitCart(token, "line flagged unavailable", c -> availableIs(c, product, false))
                .body("data.items", hasSize(2)).body("data.subtotal", comparesEqualTo(money("2.00")))
                .body("data.total", comparesEqualTo(money("2.20")));
        // and it cannot be added again while not active
        problem(add(token, product, 1), 404);

        Marketplace.setStatus(product, "active");
        awaitCart(token, "line available again", c -> availableIs(c, product, true))
                .body("data.subtotal", comparesEqualTo(money("10.00")));
    }

    @Test
    void aProductDeletedInTheMarketplaceIsFlaggedUnavailable() {
        String product = product("7.77");
        String kept = product("1.11");
        String token = newUser();
        add(token, product, 3).statusCode(200);
        add(token, kept, 1).statusCode(200);

        Marketplace.delete(product);

        awaitCart(token, "deleted product flagged", c -> availableIs(c, product, false))
                .body("data.items", hasSize(2)).body("data.subtotal", comparesEqualTo(money("1.11")))
                .body("data.tax", comparesEqualTo(money("0.11"))).body("data.total", comparesEqualTo(money("1.22")));
        problem(add(token, product, 1), 404);
    }

    @Test
    void orderCreatedRemovesTheOrderedLinesFromThatUsersCartOnly() {
        String ordered = product("20.00");
        String notOrdered = product("4.00");
        String buyerId = new org.bson.types.ObjectId().toHexString();
        String buyer = com.autopilotmonster.testsupport.TestTokens.user(buyerId);
        String someoneElse = newUser();
        add(buyer, ordered, 1).statusCode(200);
        add(buyer, notOrdered, 1).statusCode(200);
        add(someoneElse, ordered, 1).statusCode(200);

        publish("order.created", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                orderCreated(buyerId, ordered));

        awaitCart(buyer, "ordered line removed", c -> line(c, ordered) == null)
                .body("data.items", hasSize(1)).body("data.total", comparesEqualTo(money("4.40")));
        assertNotNull(line(get(someoneElse), ordered));
    }

    @Test
    void aRedeliveredOrderEventDoesNotRemoveALineAddedAgainAfterwards() {
        String p1 = product("9.00");
        String p2 = product("6.00");
        String userId = new org.bson.types.ObjectId().toHexString();
        String token = com.autopilotmonster.testsupport.TestTokens.user(userId);
        String key = UUID.randomUUID().toString();  // one key: one partition, so the records are consumed in order
        String eventId = UUID.randomUUID().toString();
        String payload = orderCreated(userId, p1);
        add(token, p1, 1).statusCode(200);

        publish("order.created", key, eventId, payload);
        awaitCart(token, "first delivery applied", c -> line(c, p1) == null);

        add(token, p1, 1).statusCode(200);
        add(token, p2, 1).statusCode(200);
        publish("order.created", key, eventId, payload);                                      // redelivery
        publish("order.created", key, UUID.randomUUID().toString(), orderCreated(userId, p2)); // marker behind it

        awaitCart(token, "marker event applied", c -> line(c, p2) == null);
        assertNotNull(line(get(token), p1), "the redelivered event was applied a second time");
    }

    @Test
    void aRedeliveredProductUpdateHasNoSecondEffect() {
        String product = product("5.00");
        String marker = product("1.00");
        String token = newUser();
        add(token, product, 1).statusCode(200);
        add(token, marker, 1).statusCode(200);
        String firstId = UUID.randomUUID().toString();
        String first = productUpdated(product, "First name", "11.11", "active");

        publish("product.updated", product, firstId, first);
        awaitCart(token, "first update applied", c -> priceIs(c, product, "11.11"));
        publish("product.updated", product, UUID.randomUUID().toString(),
                productUpdated(product, "Second name", "22.22", "active"));
        awaitCart(token, "second update applied", c -> priceIs(c, product, "22.22"));

        publish("product.updated", product, firstId, first);                                   // redelivery
        // same key, so same partition: once the marker is applied the redelivery has been consumed too
        publish("product.updated", product, UUID.randomUUID().toString(),
                productUpdated(marker, "Marker", "1.50", "active"));
        ValidatableResponse cart = awaitCart(token, "marker applied", c -> priceIs(c, marker, "1.50"));
        assertEquals(true, priceIs(cart, product, "22.22"), "the redelivered update was applied again");
        assertEquals("Second name", line(cart, product).get("productName"));
        // 22.22 + 1.50 = 23.72, tax 2.372 -> 2.37, total 26.09
        cart.body("data.total", comparesEqualTo(money("26.09")));
    }

    @Test
    void unreadableEventsAreSkippedWithoutBlockingTheTopic() {
        String product = product("3.30");
        String token = newUser();
        add(token, product, 1).statusCode(200);
        publish("product.updated", product, UUID.randomUUID().toString(), "{not json");
        publish("product.updated", product, UUID.randomUUID().toString(), "{\"productId\":{\"$ne\":null}}");
        publish("product.updated", product, UUID.randomUUID().toString(),
                productUpdated(product, "After garbage", "3.90", "active"));
        awaitCart(token, "update after garbage applied", c -> priceIs(c, product, "3.90"));
        assertNull(line(get(token), "000000000000000000000000"));
    }
}
