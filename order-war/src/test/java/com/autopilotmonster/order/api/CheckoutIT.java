package com.autopilotmonster.order.api;

import static com.autopilotmonster.order.api.OrderFixtures.billing;
import static com.autopilotmonster.order.api.OrderFixtures.create;
import static com.autopilotmonster.order.api.OrderFixtures.explicitOrder;
import static com.autopilotmonster.order.api.OrderFixtures.get;
import static com.autopilotmonster.order.api.OrderFixtures.newUserId;
import static com.autopilotmonster.order.api.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Placing orders against the real order, marketplace and cart servers: pricing, validation, visibility. */
class CheckoutIT {

    @BeforeAll
    static void servers() {
        OrderFixtures.servers();
    }

    private static void problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(containsString("application/problem+json"))
                .body("success", equalTo(false)).body("message", notNullValue());
    }

    @Test
    void orderFromTheCartIsRepricedByTheCatalogAndPublished() {
        String userId = newUserId();
        String token = TestTokens.user(userId);
        String agent = product("Inbox triage agent", 29.99, "active");
        String workflow = product("CRM sync workflow", 10.00, "active");
        for (String[] line : List.of(new String[] {agent, "2"}, new String[] {workflow, "1"})) {
            given().baseUri("http://localhost").port(OrderFixtures.CART_PORT).auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"productId\":\"" + line[0] + "\",\"quantity\":" + line[1] + "}")
                    .post("/api/cart/items").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        }
        // the catalog price changes after the cart was filled: the order takes the catalog's current price
        // (through the marketplace's API, so its own cache of the product is invalidated as in real life)
        given().baseUri("http://localhost").port(OrderFixtures.MARKETPLACE_PORT).auth().oauth2(OrderFixtures.admin())
                .contentType(ContentType.JSON).body("{\"price\":12.5}").put("/api/marketplace/products/{id}", workflow)
                .then().statusCode(200);

        JsonPath order = create(token, "{\"billingAddress\":" + billing() + "}").statusCode(201)
                .body("success", equalTo(true)).body("message", equalTo("Order created"))
                .body("data.orderId", matchesPattern("AM-\\d{8}-[2-9A-HJ-NP-Z]{6}"))
                .body("data.userId", equalTo(userId)).body("data.items", hasSize(2))
                // the original client's fields: the buyer's e-mail (from the token) and the discount
                .body("data.userEmail", equalTo(userId + "@example.test")).body("data.discount", org.hamcrest.Matchers.anyOf(equalTo(0), equalTo(0.0f)))
                .body("data.status", equalTo("pending")).body("data.paymentStatus", equalTo("pending"))
                .body("data.currency", equalTo("USD")).body("data.billingAddress.country", equalTo("GB"))
                .extract().jsonPath();
        // 2 x 29.99 + 12.50 = 72.48; tax 10 % = 7.248 -> 7.25; total 79.73
        assertEquals(72.48f, order.getFloat("data.subtotal"));
        assertEquals(7.25f, order.getFloat("data.tax"));
        assertEquals(79.73f, order.getFloat("data.total"));
        assertEquals(12.5f, order.getFloat("data.items.find { it.productId == '" + workflow + "' }.price"));
        assertEquals(OrderFixtures.vendorOf(agent), order.getString("data.items.find { it.productId == '" + agent + "' }.vendorId"));

        String orderId = order.getString("data.orderId");
        KafkaTopicReader.Event event = KafkaTopicReader.awaitRecord("order.created", Duration.ofSeconds(30),
                e -> e.value().contains(orderId));
        assertEquals(orderId, event.key());
        JsonPath payload = JsonPath.from(event.value());
        assertEquals(userId, payload.getString("userId"));
        assertEquals(79.73f, payload.getFloat("total"));
        assertEquals(OrderFixtures.vendorOf(agent), payload.getString("items.find { it.productId == '" + agent + "' }.vendorId"));
        assertTrue(payload.getString("timestamp") != null && payload.getString("items[0].productName") != null);
        assertEquals("order.created", event.headers().get("ce_type"));
        assertEquals("/order", event.headers().get("ce_source"));
    }

    @Test
    void explicitItemsArePricedByTheCatalogNeverByTheClient() {
        String token = TestTokens.user(newUserId());
        String id = product("Lead scorer", 49.00, "active");
        create(token, "{\"items\":[{\"productId\":\"" + id + "\",\"quantity\":1,\"price\":0.01},"
                + "{\"productId\":\"" + id.toUpperCase() + "\",\"quantity\":2}],\"subtotal\":0,\"total\":0,"
                + "\"status\":\"completed\",\"paymentStatus\":\"paid\",\"billingAddress\":" + billing() + "}")
                .statusCode(201).body("data.items", hasSize(1)).body("data.items[0].quantity", equalTo(3))
                .body("data.items[0].price", equalTo(49.0f)).body("data.subtotal", equalTo(147.0f))
                .body("data.total", equalTo(161.7f)).body("data.status", equalTo("pending"))
                .body("data.paymentStatus", equalTo("pending"));
    }

    @Test
    void onlyActiveProductsCanBeOrdered() {
        String token = TestTokens.user(newUserId());
        problem(create(token, explicitOrder(product("Draft bot", 5, "pending"), 1)), 422);
        problem(create(token, explicitOrder(product("Rejected bot", 5, "rejected"), 1)), 422);
        problem(create(token, explicitOrder(new org.bson.types.ObjectId().toHexString(), 1)), 422);
        problem(create(token, "{\"billingAddress\":" + billing() + "}"), 422); // empty cart
    }

    /** The original web client's body: its ShippingAddress, a method name, its own prices (ignored), no email. */
    @Test
    void theOriginalClientsOrderBodyIsTaken() {
        String userId = newUserId();
        String token = TestTokens.token(userId, "ada-" + userId + "@example.test", "user");
        String id = product("Client body", 7, "active");
        String address = "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"address1\":\"12 St James's Square\","
                + "\"address2\":\"Flat 2\",\"city\":\"London\",\"state\":\"LDN\",\"country\":\"GB\",\"postalCode\":\"SW1Y 4JH\","
                + "\"phone\":\"+44 20 7946 0000\"}";
        create(token, "{\"items\":[{\"productId\":\"" + id + "\",\"productName\":\"whatever\",\"price\":0.01,\"quantity\":2}],"
                + "\"subtotal\":0.02,\"discount\":0,\"tax\":0,\"total\":0.02,\"paymentMethod\":\"card\",\"billingAddress\":" + address + "}")
                .statusCode(201).body("data.subtotal", equalTo(14.0f)).body("data.paymentMethod", equalTo("stripe"))
                .body("data.billingAddress.name", equalTo("Ada Lovelace"))
                .body("data.billingAddress.address", equalTo("12 St James's Square, Flat 2"))
                .body("data.billingAddress.zip", equalTo("SW1Y 4JH"))
                .body("data.billingAddress.email", equalTo("ada-" + userId + "@example.test"));
        problem(create(token, "{\"items\":[{\"productId\":\"" + id + "\",\"quantity\":1}],\"billingAddress\":"
                + address.replace("\"postalCode\":\"SW1Y 4JH\",", "") + "}"), 400);
        problem(create(token, "{\"items\":[{\"productId\":\"" + id + "\",\"quantity\":1}],\"paymentMethod\":\"bank_transfer\","
                + "\"billingAddress\":" + address + "}"), 400);
    }

    @Test
    void badInputIsRefusedWithProblemDetails() {
        String token = TestTokens.user(newUserId());
        String id = product("Validator", 1, "active");
        problem(create(token, "{\"items\":[{\"productId\":\"" + id + "\",\"quantity\":1}]}"), 400);
        problem(create(token, explicitOrder(id, 0)), 400);
        problem(create(token, explicitOrder(id, 1000)), 400);
        problem(create(token, explicitOrder("not-an-id", 1)), 400);
        problem(create(token, explicitOrder(id, 1).replace("ada@example.test", "not an email")), 400);
        problem(create(token, explicitOrder(id, 1).replace("\"GB\"", "\"XX\"")), 400);
        problem(create(token, explicitOrder(id, 1).replace("\"N1 9GU\"", "\"<script>\"")), 400);
        problem(create(token, explicitOrder(id, 1).replace("\"city\":\"London\"", "\"city\":\"\"")), 400);
        problem(create(token, "{\"items\":[{\"productId\":{\"$ne\":null},\"quantity\":1}],\"billingAddress\":" + billing() + "}"), 400);
        problem(create(token, "{\"items\":[{\"productId\":\"" + id + "\",\"quantity\":1}],\"billingAddress\":{\"$where\":\"sleep(1000)\"}}"), 400);
        problem(create(token, "{\"items\":[{\"productId\":\"" + id + "\",\"quantity\":1}],\"paymentMethod\":\"paypal\",\"billingAddress\":" + billing() + "}"), 400);
        problem(create(token, "{\"items\": [ {"), 400);
        problem(given().auth().oauth2(token).contentType(ContentType.TEXT).body("x").post("/api/orders").then(), 415);
        problem(create(token, "{\"items\":[],\"pad\":\"" + "x".repeat(1_100_000) + "\",\"billingAddress\":" + billing() + "}"), 413);
        problem(given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(256))
                .body(explicitOrder(id, 1)).post("/api/orders").then(), 400);
    }

    @Test
    void tokensAreRequiredAndForgeriesRefused() {
        String body = explicitOrder(product("Token check", 1, "active"), 1);
        problem(given().contentType(ContentType.JSON).body(body).post("/api/orders").then(), 401);
        for (String forged : List.of(TestTokens.expired("u1"), TestTokens.unsignedAdmin("u1"),
                TestTokens.hs256WithPublicKey("u1"), TestTokens.tampered("u1"), TestTokens.wrongIssuer("u1"),
                TestTokens.wrongAudience("u1"))) {
            problem(create(forged, body), 401);
            problem(given().auth().oauth2(forged).get("/api/orders").then(), 401);
        }
    }

    @Test
    void ordersAreVisibleToTheirOwnerAndAdminsOnlyNewestFirst() {
        String owner = newUserId();
        String ownerToken = TestTokens.user(owner);
        String id = product("Visibility", 3, "active");
        String first = OrderFixtures.order(ownerToken, id, 1).getString("data.orderId");
        String second = OrderFixtures.order(ownerToken, id, 2).getString("data._id");
        String secondOrderId = get(ownerToken, second).statusCode(200).extract().path("data.orderId");

        given().auth().oauth2(ownerToken).get("/api/orders?limit=1").then().statusCode(200)
                .body("data.orders", hasSize(1)).body("data.orders[0].orderId", equalTo(secondOrderId))
                .body("data.pagination.total", equalTo(2)).body("data.pagination.hasNextPage", equalTo(true));
        given().auth().oauth2(ownerToken).get("/api/orders?limit=1&page=2").then().statusCode(200)
                .body("data.orders[0].orderId", equalTo(first));

        java.math.BigDecimal bothTotals = new java.math.BigDecimal(get(ownerToken, first).extract().jsonPath().getString("data.total"))
                .add(new java.math.BigDecimal(get(ownerToken, second).extract().jsonPath().getString("data.total")));
        // the caller's statistics: only their own orders, unpaid orders are not spent
        String stats = given().auth().oauth2(ownerToken).get("/api/stats").then().statusCode(200)
                .body("data.totalOrders", equalTo(2)).body("data.byStatus.pending", equalTo(2))
                .body("data.stats", hasSize(1)).body("data.stats[0]._id", equalTo("pending"))
                .body("data.totalSpent", equalTo(0.0f)).extract().jsonPath().getString("data.stats[0].totalAmount");
        assertEquals(0, bothTotals.compareTo(new java.math.BigDecimal(stats)), stats + " vs " + bothTotals);

        String stranger = TestTokens.user(newUserId());
        given().auth().oauth2(stranger).get("/api/stats").then().statusCode(200)
                .body("data.totalOrders", equalTo(0)).body("data.stats", hasSize(0));
        given().get("/api/stats").then().statusCode(401);
        problem(get(stranger, first), 404);
        problem(get(stranger, second), 404);
        given().auth().oauth2(stranger).get("/api/orders").then().statusCode(200).body("data.orders", hasSize(0));
        problem(given().auth().oauth2(stranger).contentType(ContentType.JSON).body("{}")
                .post("/api/orders/{id}/cancel", first).then(), 404);
        problem(OrderFixtures.pay(stranger, first, "stripe"), 404);
        // a user filtering by someone else's id still sees only their own orders
        given().auth().oauth2(stranger).get("/api/orders?userId=" + owner).then().statusCode(200).body("data.orders", hasSize(0));

        String admin = OrderFixtures.admin();
        get(admin, first).statusCode(200).body("data.userId", equalTo(owner));
        given().auth().oauth2(admin).get("/api/orders?userId=" + owner + "&status=pending").then().statusCode(200)
                .body("data.orders", hasSize(2)).body("data.pagination.total", equalTo(2));
        problem(given().auth().oauth2(admin).get("/api/orders?status=shipped").then(), 400);
        problem(given().auth().oauth2(admin).queryParam("userId", "{\"$ne\":null}").get("/api/orders").then(), 400);
        problem(given().auth().oauth2(admin).get("/api/orders?limit=1000").then(), 400);
        problem(get(ownerToken, "AM-00000000-XXXXXX"), 404);
    }

    @Test
    void catalogOrCartDownAnswers503AndWritesNoOrder() throws Exception {
        String userId = newUserId();
        String token = TestTokens.user(userId);
        String id = product("Outage check", 8, "active");
        // freeze the real marketplace, then the real cart (SIGSTOP: the port still accepts, nothing answers)
        for (String server : List.of("marketplace", "cart")) {
            long pid = Long.parseLong(java.nio.file.Files.readString(java.nio.file.Path.of(
                    System.getProperty("liberty.install.dir"), "usr/servers/.pid/" + server + ".pid")).trim());
            signal("STOP", pid);
            try {
                long start = System.nanoTime();
                problem(create(token, server.equals("cart") ? "{\"billingAddress\":" + billing() + "}" : explicitOrder(id, 1)), 503);
                assertTrue(System.nanoTime() - start < 15_000_000_000L, "answered within the client timeouts");
            } finally {
                signal("CONT", pid);
            }
        }
        assertEquals(0, OrderFixtures.db("order_db").getCollection("orders")
                .countDocuments(new org.bson.Document("userId", userId)), "no half-written order");
        create(token, explicitOrder(id, 1)).statusCode(201);
    }

    private static void signal(String signal, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor());
    }
}
