package com.autopilotmonster.cart.api;

import static com.autopilotmonster.cart.api.Carts.add;
import static com.autopilotmonster.cart.api.Carts.clear;
import static com.autopilotmonster.cart.api.Carts.get;
import static com.autopilotmonster.cart.api.Carts.line;
import static com.autopilotmonster.cart.api.Carts.money;
import static com.autopilotmonster.cart.api.Carts.newUser;
import static com.autopilotmonster.cart.api.Carts.problem;
import static com.autopilotmonster.cart.api.Carts.remove;
import static com.autopilotmonster.cart.api.Carts.update;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every cart endpoint, happy and unhappy paths, against the real cart and marketplace servers. */
class CartEndpointsIT {

    private static String widget;     // 19.99
    private static String gadget;     // 5.58
    private static String sticker;    // 0.25

    @BeforeAll
    static void setUp() {
        Carts.target();
        widget = Marketplace.createActive("Widget agent " + UUID.randomUUID(), "19.99");
        gadget = Marketplace.createActive("Gadget workflow " + UUID.randomUUID(), "5.58");
        sticker = Marketplace.createActive("Sticker prompt " + UUID.randomUUID(), "0.25");
    }

    @Test
    void aNewUserHasAnEmptyCart() {
        get(newUser()).statusCode(200).body("success", equalTo(true)).body("data.items", empty())
                .body("data.subtotal", comparesEqualTo(BigDecimal.ZERO)).body("data.tax", comparesEqualTo(BigDecimal.ZERO))
                .body("data.total", comparesEqualTo(BigDecimal.ZERO)).body("data.currency", equalTo("USD"))
                .body("data.userId", notNullValue()).body("timestamp", notNullValue());
    }

    @Test
    void addTakesNamePriceAndThumbnailFromTheCatalogNeverFromTheClient() {
        String token = newUser();
        ValidatableResponse cart = add(token, "{\"productId\":\"" + widget + "\",\"price\":0.01,\"productName\":\"Free!\","
                + "\"thumbnail\":\"javascript:alert(1)\",\"available\":true,\"subtotal\":0,\"total\":0}")
                .statusCode(200).body("success", equalTo(true)).body("message", equalTo("Item added to cart"))
                .body("data.items", hasSize(1)).body("data._id", notNullValue());
        Map<String, Object> line = line(cart, widget);
        assertEquals(0, money("19.99").compareTo((BigDecimal) line.get("price")), line.toString());
        assertEquals(1, ((Number) line.get("quantity")).intValue());
        assertEquals(true, line.get("available"));
        assertEquals(Marketplace.thumbnailOf(widget), line.get("thumbnail"));
        assertEquals(true, ((String) line.get("productName")).startsWith("Widget agent "));
        cart.body("data.subtotal", comparesEqualTo(money("19.99")));
        // and the stored cart says the same on the next read
        get(token).statusCode(200).body("data.items[0].price", comparesEqualTo(money("19.99")))
                .body("data.items[0].productName", not(equalTo("Free!")));
    }

    @Test
    void totalsAndTaxAreExactToTheCent() {
        String token = newUser();
        add(token, widget, 3).statusCode(200);
        // 3 x 19.99 + 5.58 = 65.55; tax 10 % = 6.555 -> 6.56; total 72.11
        add(token, gadget, 1).statusCode(200).body("data.subtotal", comparesEqualTo(money("65.55")))
                .body("data.tax", comparesEqualTo(money("6.56"))).body("data.total", comparesEqualTo(money("72.11")))
                // the original client's fields: cartId, discount, and per line vendorId and subtotal
                .body("data.cartId", notNullValue()).body("data.discount", comparesEqualTo(BigDecimal.ZERO))
                .body("data.items.find { it.productId == '" + widget + "' }.subtotal", comparesEqualTo(money("59.97")))
                .body("data.items.find { it.productId == '" + widget + "' }.vendorId", notNullValue());
        // 2 x 19.99 + 5.58 = 45.56; tax 4.556 -> 4.56; total 50.12
        update(token, widget, "{\"quantity\":2}").statusCode(200).body("data.subtotal", comparesEqualTo(money("45.56")))
                .body("data.tax", comparesEqualTo(money("4.56"))).body("data.total", comparesEqualTo(money("50.12")));
        // 5.58 alone: tax 0.558 -> 0.56; 5 x 5.58 = 27.90, tax 2.79, total 30.69
        remove(token, widget).statusCode(200).body("data.tax", comparesEqualTo(money("0.56")));
        update(token, gadget, "{\"quantity\":5}").statusCode(200).body("data.subtotal", comparesEqualTo(money("27.90")))
                .body("data.tax", comparesEqualTo(money("2.79"))).body("data.total", comparesEqualTo(money("30.69")));
        // 0.25 alone: tax 0.025 -> 0.03 with HALF_UP (HALF_EVEN would say 0.02, plain double math 0.02)
        String other = newUser();
        add(other, sticker, 1).statusCode(200).body("data.subtotal", comparesEqualTo(money("0.25")))
                .body("data.tax", comparesEqualTo(money("0.03"))).body("data.total", comparesEqualTo(money("0.28")));
        // 0.25 x 3 = 0.75, tax 0.075 -> 0.08, total 0.83
        update(other, sticker, "{\"quantity\":3}").statusCode(200).body("data.tax", comparesEqualTo(money("0.08")))
                .body("data.total", comparesEqualTo(money("0.83")));
    }

    @Test
    void addingTheSameProductAgainAddsToItsLineUpToTheMaximum() {
        String token = newUser();
        add(token, widget, 1).statusCode(200);
        add(token, "{\"productId\":\"" + widget + "\"}").statusCode(200).body("data.items", hasSize(1))
                .body("data.items[0].quantity", equalTo(2));
        // the same id in upper case is the same product (ObjectIds are hex, case-insensitive)
        add(token, widget.toUpperCase(), 1).statusCode(200).body("data.items", hasSize(1))
                .body("data.items[0].quantity", equalTo(3)).body("data.items[0].productId", equalTo(widget));
        add(token, widget, 7).statusCode(200).body("data.items", hasSize(1)).body("data.items[0].quantity", equalTo(10));
        problem(add(token, widget, 1), 400).body("errors[0].field", equalTo("quantity"));
        get(token).body("data.items", hasSize(1)).body("data.items[0].quantity", equalTo(10));
    }

    @Test
    void quantitiesOutsideOneToTheMaximumAreRefused() {
        String token = newUser();
        for (String quantity : new String[] {"0", "-1", "11", "1000000", "1.5", "\"abc\"", "1e20", "null", "[1]"}) {
            ValidatableResponse response = add(token, "{\"productId\":\"" + widget + "\",\"quantity\":" + quantity + "}");
            if ("null".equals(quantity)) {
                response.statusCode(200); // absent quantity means 1
                continue;
            }
            assertEquals(400, response.extract().statusCode(), "quantity " + quantity);
            problem(response, 400);
        }
        get(token).body("data.items[0].quantity", equalTo(1));
        add(token, gadget, 10).statusCode(200);
        for (String quantity : new String[] {"0", "-3", "11", "2.5", "\"two\"", "null", "1e20"}) {
            ValidatableResponse response = update(token, gadget, "{\"quantity\":" + quantity + "}");
            assertEquals(400, response.extract().statusCode(), "quantity " + quantity);
            problem(response, 400);
        }
        problem(update(token, gadget, "{}"), 400);
        update(token, gadget, "{\"quantity\":4}").statusCode(200).body("message", equalTo("Cart item updated"));
        assertEquals(4, ((Number) line(get(token), gadget).get("quantity")).intValue());
    }

    @Test
    void unknownMalformedAndInactiveProductsAreRefused() {
        String token = newUser();
        problem(add(token, new ObjectId().toHexString(), 1), 404);
        String pending = Marketplace.createPending("Pending " + UUID.randomUUID(), "3.00");
        problem(add(token, pending, 1), 404);
        String rejected = Marketplace.createPending("Rejected " + UUID.randomUUID(), "4.00");
        Marketplace.setStatus(rejected, "rejected");
        problem(add(token, rejected, 1), 404);
        problem(add(token, "{\"productId\":\"not-an-id\"}"), 400).body("errors[0].field", notNullValue());
        problem(add(token, "{\"productId\":\"../../admin\"}"), 400);
        problem(add(token, "{\"quantity\":1}"), 400);
        problem(add(token, "{\"productId\":{\"$ne\":null}}"), 400);
        problem(add(token, "{\"productId\":{\"$where\":\"sleep(5000)\"}}"), 400);
        problem(add(token, "{\"productId\":\"" + widget + "\",\"quantity\":{\"$gt\":0}}"), 400);
        get(token).body("data.items", empty());
    }

    @Test
    void updateAndRemoveAddressLinesByProductId() {
        String token = newUser();
        problem(update(token, widget, "{\"quantity\":2}"), 404);
        problem(remove(token, widget), 404);
        add(token, widget, 1).statusCode(200);
        add(token, gadget, 2).statusCode(200);
        problem(update(token, new ObjectId().toHexString(), "{\"quantity\":2}"), 404);
        problem(remove(token, new ObjectId().toHexString()), 404);
        problem(update(token, "not-an-id", "{\"quantity\":2}"), 400);
        update(token, gadget.toUpperCase(), "{\"quantity\":3}").statusCode(200);
        problem(remove(token, "%24where"), 400);
        remove(token, widget).statusCode(200).body("message", equalTo("Item removed from cart"))
                .body("data.items", hasSize(1)).body("data.items[0].productId", equalTo(gadget));
        clear(token).statusCode(200).body("message", equalTo("Cart cleared")).body("data.items", empty())
                .body("data.total", comparesEqualTo(BigDecimal.ZERO));
        get(token).body("data.items", empty()).body("data", not(hasKey("_id")));
        clear(token).statusCode(200).body("data.items", empty());
    }

    @Test
    void expiresSevenDaysAfterTheLastChange() {
        String token = newUser();
        ValidatableResponse cart = add(token, widget, 1).statusCode(200);
        Instant updated = Instant.parse(cart.extract().path("data.updatedAt"));
        Instant expires = Instant.parse(cart.extract().path("data.expiresAt"));
        assertEquals(Duration.ofDays(7), Duration.between(updated, expires));
        assertNull(line(cart, gadget));
    }

    @Test
    void nobodyReachesAnotherUsersCart() {
        String alice = newUser();
        String bob = newUser();
        add(alice, widget, 2).statusCode(200);
        get(bob).statusCode(200).body("data.items", empty());
        problem(update(bob, widget, "{\"quantity\":1}"), 404);
        problem(remove(bob, widget), 404);
        clear(bob).statusCode(200);
        add(bob, gadget, 1).statusCode(200).body("data.items", hasSize(1));
        get(alice).body("data.items", hasSize(1)).body("data.items[0].productId", equalTo(widget))
                .body("data.items[0].quantity", equalTo(2));
        // a user id in the query or body changes nothing: the token decides whose cart it is
        String aliceId = (String) get(alice).extract().path("data.userId");
        given().auth().oauth2(bob).queryParam("userId", aliceId).get("/api/cart").then().statusCode(200)
                .body("data.items", hasSize(1)).body("data.items[0].productId", equalTo(gadget));
        add(bob, "{\"productId\":\"" + widget + "\",\"userId\":\"" + aliceId + "\"}").statusCode(200);
        get(alice).body("data.items", hasSize(1)).body("data.items[0].quantity", equalTo(2));
        // every role has its own cart
        String admin = TestTokens.admin(new ObjectId().toHexString());
        get(admin).statusCode(200).body("data.items", empty());
        add(admin, widget, 1).statusCode(200).body("data.items", hasSize(1));
        get(alice).body("data.items[0].quantity", equalTo(2));
    }

    @Test
    void missingForgedAndExpiredTokensAre401() {
        problem(given().get("/api/cart").then(), 401);
        problem(given().contentType(ContentType.JSON).body("{\"productId\":\"" + widget + "\"}")
                .post("/api/cart/items").then(), 401);
        problem(given().delete("/api/cart").then(), 401);
        String id = new ObjectId().toHexString();
        for (String token : new String[] {TestTokens.expired(id), TestTokens.wrongIssuer(id),
                TestTokens.wrongAudience(id), TestTokens.unsignedAdmin(id), TestTokens.hs256WithPublicKey(id),
                TestTokens.tampered(id), "not.a.token"}) {
            problem(get(token), 401);
            problem(add(token, widget, 1), 401);
            problem(remove(token, widget), 401);
        }
    }

    @Test
    void revokedTokensDeactivatedUsersAndUnknownRolesAreRefused() {
        String userId = new ObjectId().toHexString();
        String token = TestTokens.user(userId);
        add(token, widget, 1).statusCode(200);
        String jti = (String) io.restassured.path.json.JsonPath.from(new String(java.util.Base64.getUrlDecoder()
                .decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8)).get("jti");
        try (redis.clients.jedis.JedisPooled redis = new redis.clients.jedis.JedisPooled("127.0.0.1", 6379)) {
            // what auth writes at logout / deactivation (common-ejb TokenStatus), honoured by every service
            redis.setex("auth:revoked-jti:" + jti, 120, "1");
            problem(get(token), 401);
            problem(add(token, gadget, 1), 401);
            String deactivatedId = new ObjectId().toHexString();
            String deactivated = TestTokens.user(deactivatedId);
            redis.setex("auth:inactive-user:" + deactivatedId, 120, "1");
            problem(get(deactivated), 401);
            get(newUser()).statusCode(200);   // everyone else is unaffected
        }
        problem(get(TestTokens.token(new ObjectId().toHexString(), "g@example.test", "guest")), 403);
    }

    @Test
    void badBodiesAreProblems() {
        String token = newUser();
        problem(add(token, "{\"productId\":"), 400);
        problem(add(token, "not json at all"), 400);
        problem(add(token, "[]"), 400);
        problem(given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/cart/items").then(), 400);
        problem(given().auth().oauth2(token).contentType(ContentType.TEXT).body("productId=" + widget)
                .post("/api/cart/items").then(), 415);
        problem(add(token, "{\"productId\":\"" + widget + "\",\"pad\":\"" + "x".repeat(1_200_000) + "\"}"), 413);
        problem(update(token, widget, "{\"quantity\":"), 400);
        problem(given().auth().oauth2(token).patch("/api/cart").then(), 405);
        get(token).body("data.items", empty());
    }
}
