package com.autopilotmonster.marketplace.api;

import static com.autopilotmonster.marketplace.api.Catalog.ADMIN;
import static com.autopilotmonster.marketplace.api.Catalog.create;
import static com.autopilotmonster.marketplace.api.Catalog.createActive;
import static com.autopilotmonster.marketplace.api.Catalog.newId;
import static com.autopilotmonster.marketplace.api.Catalog.post;
import static com.autopilotmonster.marketplace.api.Catalog.productJson;
import static com.autopilotmonster.marketplace.api.Catalog.put;
import static com.autopilotmonster.marketplace.api.Catalog.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Product create, read, update, delete: roles, ownership, validation and the product.* events. */
class ProductIT {

    private static final String PRODUCTS = "/api/marketplace/products";

    @BeforeAll
    static void target() {
        ServiceUnderTest.target(4003);
    }

    @Test
    void vendorCreatesPendingProductThatOnlyItsVendorAndAdminsSee() {
        String vendorId = newId();
        String vendor = TestTokens.named(vendorId, "vendor", "Ada Vendor");
        String category = uniqueSlug("bots");
        post(vendor, PRODUCTS, "{\"name\":\"Lead Bot\",\"description\":\"Finds leads.\",\"price\":49.9,"
                + "\"originalPrice\":79.99,\"category\":\"" + category + "\",\"tags\":[\" Sales \",\"sales\",\"CRM\"],"
                + "\"images\":[\"https://cdn.example.test/a.png\"],\"thumbnail\":\"http://cdn.example.test/t.png\","
                + "\"deliveryUrl\":\"https://files.example.test/lead-bot.zip\",\"vendorName\":\"Someone Else\","
                + "\"rating\":5,\"reviewCount\":999,\"downloadCount\":1000000,\"isFeatured\":true,\"status\":\"active\"}")
                .statusCode(201).contentType(ContentType.JSON)
                .body("success", equalTo(true))
                .body("message", equalTo("Product created"))
                .body("data._id", notNullValue())
                // the original client's fields: spec id, currency, the vendor's name from its token (never the body)
                .body("data.productId", notNullValue())
                .body("data.currency", equalTo("USD"))
                .body("data.vendorName", equalTo("Ada Vendor"))
                .body("data.deliveryUrl", equalTo("https://files.example.test/lead-bot.zip"))
                .body("data.vendorId", equalTo(vendorId))
                .body("data.price", equalTo(49.9f))
                .body("data.originalPrice", equalTo(79.99f))
                .body("data.tags", equalTo(java.util.List.of("sales", "crm")))
                // server-owned fields get their defaults whatever the client sent
                .body("data.status", equalTo("pending"))
                .body("data.rating", equalTo(0.0f))
                .body("data.reviewCount", equalTo(0))
                .body("data.downloadCount", equalTo(0))
                .body("data.isFeatured", equalTo(false))
                .body("data.createdAt", notNullValue());
        String id = given().auth().oauth2(vendor).get(PRODUCTS + "/mine?status=pending").then().statusCode(200)
                .extract().path("data.products.find { it.category == '" + category + "' }._id");
        // pending: invisible to anonymous callers and other users, visible to its vendor and to admins
        given().get(PRODUCTS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(newId())).get(PRODUCTS + "/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.vendor(newId())).get(PRODUCTS + "/" + id).then().statusCode(404);
        given().auth().oauth2(vendor).get(PRODUCTS + "/" + id).then().statusCode(200).body("data.status", equalTo("pending"));
        given().auth().oauth2(ADMIN).get(PRODUCTS + "/" + id).then().statusCode(200);
        // once approved, everyone sees it - what the cart calls anonymously
        Catalog.activate(id);
        given().get(PRODUCTS + "/" + id).then().statusCode(200)
                .body("data.status", equalTo("active")).body("data.price", equalTo(49.9f))
                .body("data.name", equalTo("Lead Bot")).body("data.vendorId", equalTo(vendorId))
                .body("data.thumbnail", equalTo("http://cdn.example.test/t.png"))
                .body("data.productId", equalTo(id)).body("data.currency", equalTo("USD"))
                .body("data.vendorName", equalTo("Ada Vendor"))
                // where the bought file lives is never public: buyers get counted, signed links from the user service
                .body("data", not(hasKey("deliveryUrl")));
        given().auth().oauth2(TestTokens.user(newId())).get(PRODUCTS + "/" + id).then().body("data", not(hasKey("deliveryUrl")));
        given().queryParam("category", category).get(PRODUCTS).then().statusCode(200)
                .body("data.products[0].productId", equalTo(id)).body("data.products[0]", not(hasKey("deliveryUrl")));
        given().auth().oauth2(vendor).get(PRODUCTS + "/" + id).then()
                .body("data.deliveryUrl", equalTo("https://files.example.test/lead-bot.zip"));
        // one currency per platform: another is refused, not silently mixed into USD orders
        put(vendor, PRODUCTS + "/" + id, "{\"currency\":\"EUR\"}").statusCode(422).contentType("application/problem+json");
        put(vendor, PRODUCTS + "/" + id, "{\"currency\":\"usd\"}").statusCode(400);
        put(vendor, PRODUCTS + "/" + id, "{\"deliveryUrl\":\"javascript:alert(1)\"}").statusCode(400);
    }

    @Test
    void malformedIdIs400AndMissingIs404() {
        given().get(PRODUCTS + "/not-an-id").then().statusCode(400).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get(PRODUCTS + "/%7B%22%24ne%22%3Anull%7D").then().statusCode(400);
        given().get(PRODUCTS + "/0123456789abcdef01234567").then().statusCode(404).body("success", equalTo(false));
    }

    @Test
    void onlyVendorsAndAdminsCreate() {
        String json = productJson("Nope", uniqueSlug("x"), "1");
        given().contentType(ContentType.JSON).body(json).post(PRODUCTS).then().statusCode(401);
        post(TestTokens.user(newId()), PRODUCTS, json).statusCode(403).contentType("application/problem+json");
        for (String forged : new String[] {TestTokens.expired(newId()), TestTokens.tampered(newId()),
                TestTokens.unsignedAdmin(newId()), TestTokens.hs256WithPublicKey(newId()),
                TestTokens.wrongIssuer(newId()), TestTokens.wrongAudience(newId())}) {
            post(forged, PRODUCTS, json).statusCode(401);
        }
        // an admin may create on behalf of a vendor; a vendor may not create for another vendor
        String other = newId();
        post(ADMIN, PRODUCTS, json.replace("{\"name\"", "{\"vendorId\":\"" + other + "\",\"name\""))
                .statusCode(201).body("data.vendorId", equalTo(other)).body("data.status", equalTo("pending"));
        post(TestTokens.vendor(newId()), PRODUCTS, json.replace("{\"name\"", "{\"vendorId\":\"" + other + "\",\"name\""))
                .statusCode(403);
    }

    @Test
    void invalidProductsAreRefusedWithFieldErrors() {
        String vendor = TestTokens.vendor(newId());
        String c = uniqueSlug("v");
        String[][] bad = {
                {"price", productJson("P", c, "-1")},
                {"price", productJson("P", c, "1.234")},
                {"price", productJson("P", c, "\"abc\"")},
                {"name", productJson("", c, "1")},
                {"name", productJson("x".repeat(201), c, "1")},
                {"category", productJson("P", "Not A Slug", "1")},
                {"category", productJson("P", "{\\\"$ne\\\":null}", "1")},
                {"images", productJson("P", c, "1").replace("https://cdn.example.test/", "javascript:alert(1)//")},
                {"images", productJson("P", c, "1").replace("https://cdn.example.test/", "ftp://cdn.example.test/")},
                {"thumbnail", productJson("P", c, "1").replace("https://cdn.example.test/thumb.png", "data:image/png;base64,AAAA")},
        };
        for (String[] case_ : bad) {
            post(vendor, PRODUCTS, case_[1]).statusCode(400).contentType("application/problem+json")
                    .body("success", equalTo(false));
        }
        post(vendor, PRODUCTS, productJson("P", c, "-1")).body("errors.field", hasItem(containsString("price")));
        // originalPrice below price
        post(vendor, PRODUCTS, productJson("P", c, "10").replace("\"price\":10", "\"price\":10,\"originalPrice\":9.99"))
                .statusCode(400).body("message", containsString("originalPrice"));
        // too many tags, malformed JSON, wrong content type, no body
        post(vendor, PRODUCTS, productJson("P", c, "1").replace("[\"automation\"]",
                "[" + "\"t\",".repeat(21) + "\"t\"]")).statusCode(400);
        post(vendor, PRODUCTS, "{\"name\":").statusCode(400);
        given().auth().oauth2(vendor).contentType(ContentType.TEXT).body("name=x").post(PRODUCTS).then().statusCode(415);
        given().auth().oauth2(vendor).contentType(ContentType.JSON).post(PRODUCTS).then().statusCode(400);
        // an oversized description is a 400, an oversized body a 413
        post(vendor, PRODUCTS, productJson("P", c, "1").replace("A workflow", "x".repeat(10_001))).statusCode(400);
        post(vendor, PRODUCTS, productJson("P", c, "1").replace("A workflow", "x".repeat(2_000_000))).statusCode(413);
        // free products are fine
        post(vendor, PRODUCTS, productJson("Free", c, "0")).statusCode(201).body("data.price", equalTo(0));
    }

    @Test
    void vendorsEditAndDeleteOnlyTheirOwnProducts() {
        String owner = TestTokens.vendor(newId());
        String intruder = TestTokens.vendor(newId());
        String id = create(owner, productJson("Mine", uniqueSlug("own"), "5"));
        put(intruder, PRODUCTS + "/" + id, "{\"price\":1}").statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(intruder).delete(PRODUCTS + "/" + id).then().statusCode(403);
        put(TestTokens.user(newId()), PRODUCTS + "/" + id, "{\"price\":1}").statusCode(403);
        given().contentType(ContentType.JSON).body("{\"price\":1}").put(PRODUCTS + "/" + id).then().statusCode(401);

        put(owner, PRODUCTS + "/" + id, "{\"name\":\"Mine v2\",\"price\":7.5,\"tags\":[\"ops\"]}").statusCode(200)
                .body("data.name", equalTo("Mine v2")).body("data.price", equalTo(7.5f))
                .body("data.tags", equalTo(java.util.List.of("ops"))).body("data.status", equalTo("pending"));
        put(owner, PRODUCTS + "/" + id, "{\"originalPrice\":7}").statusCode(400);
        put(owner, PRODUCTS + "/" + id, "{\"price\":1.001}").statusCode(400);
        put(owner, PRODUCTS + "/" + id, "{\"name\":\"   \"}").statusCode(400);
        put(owner, PRODUCTS + "/" + id, "{}").statusCode(400);
        put(owner, PRODUCTS + "/not-an-id", "{\"price\":1}").statusCode(400);
        put(owner, PRODUCTS + "/0123456789abcdef01234567", "{\"price\":1}").statusCode(404);
        // admins edit any product
        // a token without a name: the client's vendorName is still a string
        put(ADMIN, PRODUCTS + "/" + id, "{\"price\":8}").statusCode(200).body("data.price", equalTo(8))
                .body("data.vendorName", equalTo(""));

        given().auth().oauth2(owner).delete(PRODUCTS + "/" + id).then().statusCode(200)
                .body("message", equalTo("Product deleted"));
        given().auth().oauth2(owner).get(PRODUCTS + "/" + id).then().statusCode(404);
        given().auth().oauth2(owner).delete(PRODUCTS + "/" + id).then().statusCode(404);
        String another = create(owner, productJson("Gone", uniqueSlug("own"), "5"));
        given().auth().oauth2(ADMIN).delete(PRODUCTS + "/" + another).then().statusCode(200);
    }

    @Test
    void everyChangeIsPublishedWithTheContractPayload() {
        String vendorId = newId();
        String vendor = TestTokens.vendor(vendorId);
        String category = uniqueSlug("events");
        String id = create(vendor, productJson("Evented", category, "12.5"));
        KafkaTopicReader.Event created = KafkaTopicReader.awaitRecord("product.created", Duration.ofSeconds(30),
                e -> id.equals(e.key()));
        JsonPath payload = JsonPath.from(created.value());
        assertEquals(id, payload.getString("productId"));
        assertEquals(vendorId, payload.getString("vendorId"));
        assertEquals("Evented", payload.getString("name"));
        assertEquals(12.5f, payload.getFloat("price"));
        assertEquals(category, payload.getString("category"));
        assertEquals("pending", payload.getString("status"));
        assertTrue(payload.getString("timestamp").endsWith("Z"));
        // the contract's fields plus the currency (vendorName and deliveryUrl only when the product has them)
        assertEquals(java.util.Set.of("productId", "vendorId", "name", "price", "category", "status", "currency",
                "timestamp"), payload.getMap("").keySet());
        assertEquals("product.created", created.headers().get("ce_type"));

        put(vendor, PRODUCTS + "/" + id, "{\"price\":19.99}").statusCode(200);
        KafkaTopicReader.Event updated = KafkaTopicReader.awaitRecord("product.updated", Duration.ofSeconds(30),
                e -> id.equals(e.key()) && e.value().contains("19.99"));
        assertEquals("pending", JsonPath.from(updated.value()).getString("status"));
        Catalog.activate(id);
        KafkaTopicReader.awaitRecord("product.updated", Duration.ofSeconds(30),
                e -> id.equals(e.key()) && e.value().contains("\"status\":\"active\""));

        given().auth().oauth2(vendor).delete(PRODUCTS + "/" + id).then().statusCode(200);
        KafkaTopicReader.Event deleted = KafkaTopicReader.awaitRecord("product.deleted", Duration.ofSeconds(30),
                e -> id.equals(e.key()));
        assertEquals(19.99f, JsonPath.from(deleted.value()).getFloat("price"));
        assertEquals(vendorId, JsonPath.from(deleted.value()).getString("vendorId"));
    }

    @Test
    void activeProductAnswersTheCartContract() {
        String id = createActive(TestTokens.vendor(newId()), productJson("Cart Bot", uniqueSlug("cart"), "19.00"));
        given().get(PRODUCTS + "/" + id).then().statusCode(200).body("data.price", equalTo(19))
                .body("data.originalPrice", nullValue()).body("data.thumbnail", notNullValue());
    }
}
