package com.autopilotmonster.marketplace.api;

import static com.autopilotmonster.marketplace.api.Catalog.ADMIN;
import static com.autopilotmonster.marketplace.api.Catalog.newId;
import static com.autopilotmonster.marketplace.api.Catalog.post;
import static com.autopilotmonster.marketplace.api.Catalog.productJson;
import static com.autopilotmonster.marketplace.api.Catalog.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Categories: public list with counts of active products; admin-only writes; unique slugs. */
class CategoryIT {

    private static final String CATEGORIES = "/api/marketplace/categories";

    @BeforeAll
    static void target() {
        ServiceUnderTest.target(4003);
    }

    @Test
    void adminsManageCategoriesAndEveryoneSeesCounts() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = post(ADMIN, CATEGORIES, "{\"name\":\"AI Agents & Bots " + suffix + "\",\"description\":\"Agents\"}")
                .statusCode(201).body("data.slug", equalTo("ai-agents-bots-" + suffix))
                .body("data.productCount", equalTo(0)).extract().path("data._id");
        String slug = "ai-agents-bots-" + suffix;
        String vendor = TestTokens.vendor(newId());
        Catalog.createActive(vendor, productJson("Counted one", slug, "1"));
        String second = Catalog.createActive(vendor, productJson("Counted two", slug, "2"));
        Catalog.create(vendor, productJson("Pending, not counted", slug, "3"));
        given().get(CATEGORIES).then().statusCode(200).body("success", equalTo(true))
                .body("data.find { it.slug == '" + slug + "' }.productCount", equalTo(2))
                .body("data.find { it.slug == '" + slug + "' }.name", equalTo("AI Agents & Bots " + suffix));

        // a new slug moves the products along
        String renamed = "agents-" + suffix;
        put(ADMIN, CATEGORIES + "/" + id, "{\"slug\":\"" + renamed + "\",\"name\":\"Agents " + suffix + "\"}")
                .statusCode(200).body("data.slug", equalTo(renamed)).body("data.productCount", equalTo(2));
        given().get("/api/marketplace/products/" + second).then().body("data.category", equalTo(renamed));
        given().get(CATEGORIES).then().body("slug", not(hasItem(slug)))
                .body("data.find { it.slug == '" + renamed + "' }.productCount", equalTo(2));

        // still used: refused; once empty: deleted
        given().auth().oauth2(ADMIN).delete(CATEGORIES + "/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get("/api/marketplace/products?category=" + renamed + "&status=pending").then()
                .statusCode(200);
        for (String status : new String[] {"active", "pending"}) {
            java.util.List<String> ids = given().auth().oauth2(ADMIN).get("/api/marketplace/products?status=" + status
                    + "&category=" + renamed).then().extract().path("data.products._id");
            ids.forEach(p -> given().auth().oauth2(ADMIN).delete("/api/marketplace/products/" + p).then().statusCode(200));
        }
        given().auth().oauth2(ADMIN).delete(CATEGORIES + "/" + id).then().statusCode(204);
        given().auth().oauth2(ADMIN).delete(CATEGORIES + "/" + id).then().statusCode(404);
        given().get(CATEGORIES).then().body("data.slug", not(hasItem(renamed)));
    }

    @Test
    void slugsAreUniqueAndValidated() {
        String slug = Catalog.uniqueSlug("unique");
        post(ADMIN, CATEGORIES, "{\"name\":\"One\",\"slug\":\"" + slug + "\"}").statusCode(201);
        post(ADMIN, CATEGORIES, "{\"name\":\"Two\",\"slug\":\"" + slug + "\"}").statusCode(409)
                .contentType("application/problem+json");
        String other = post(ADMIN, CATEGORIES, "{\"name\":\"Three\",\"slug\":\"" + slug + "-b\"}").statusCode(201)
                .extract().path("data._id");
        put(ADMIN, CATEGORIES + "/" + other, "{\"slug\":\"" + slug + "\"}").statusCode(409);
        post(ADMIN, CATEGORIES, "{\"name\":\"Bad\",\"slug\":\"Not A Slug\"}").statusCode(400);
        post(ADMIN, CATEGORIES, "{\"name\":\"Bad\",\"slug\":{\"$ne\":null}}").statusCode(400);
        post(ADMIN, CATEGORIES, "{\"name\":\"\"}").statusCode(400);
        post(ADMIN, CATEGORIES, "{\"name\":\"!!!\"}").statusCode(400);
        post(ADMIN, CATEGORIES, "{\"name\":\"" + "x".repeat(81) + "\"}").statusCode(400);
        put(ADMIN, CATEGORIES + "/not-an-id", "{\"name\":\"x\"}").statusCode(400);
        put(ADMIN, CATEGORIES + "/0123456789abcdef01234567", "{\"name\":\"x\"}").statusCode(404);
    }

    @Test
    void onlyAdminsWriteCategories() {
        String body = "{\"name\":\"Nope " + UUID.randomUUID() + "\"}";
        post(TestTokens.vendor(newId()), CATEGORIES, body).statusCode(403).contentType("application/problem+json");
        post(TestTokens.user(newId()), CATEGORIES, body).statusCode(403);
        post(TestTokens.tampered(newId()), CATEGORIES, body).statusCode(401);
        given().contentType(ContentType.JSON).body(body).post(CATEGORIES).then().statusCode(401);
        String id = post(ADMIN, CATEGORIES, body).statusCode(201).extract().path("data._id");
        put(TestTokens.vendor(newId()), CATEGORIES + "/" + id, "{\"name\":\"x\"}").statusCode(403);
        given().auth().oauth2(TestTokens.user(newId())).delete(CATEGORIES + "/" + id).then().statusCode(403);
        given().auth().oauth2(ADMIN).delete(CATEGORIES + "/" + id).then().statusCode(204);
    }
}
