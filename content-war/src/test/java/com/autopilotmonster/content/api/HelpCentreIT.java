package com.autopilotmonster.content.api;

import static com.autopilotmonster.content.api.ContentApi.admin;
import static com.autopilotmonster.content.api.ContentApi.q;
import static com.autopilotmonster.content.api.ContentApi.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Help centre: categories and search over published articles, and feedback counts that stay exact under concurrency. */
class HelpCentreIT {

    @BeforeAll
    static void target() {
        ContentApi.target();
    }

    static JsonPath article(String title, String category, String content, String status) {
        return admin().body("{\"title\":" + q(title) + ",\"category\":" + q(category) + ",\"content\":" + q(content)
                + (status == null ? "" : ",\"status\":" + q(status)) + "}").post("/api/content/help").then().statusCode(201)
                .extract().jsonPath().setRootPath("data");
    }

    @Test
    void categoriesAndSearch() {
        String u = unique();
        article("Reset your password " + u, "Account " + u, "Use the *forgot password* link.", null);
        article("Refund policy " + u, "Billing " + u, "Refunds within 14 days [x](https://a.example).", null);
        article("Hidden draft " + u, "Billing " + u, "secret", "draft");

        List<Map<String, Object>> categories = given().get("/api/content/help/categories").then().statusCode(200)
                .extract().jsonPath().getList("data");
        assertTrue(categories.contains(Map.of("name", "Account " + u, "count", 1)), categories.toString());
        assertTrue(categories.contains(Map.of("name", "Billing " + u, "count", 1)), "drafts are not counted: " + categories);

        // The web client reads data as HelpArticle[]; the paging is in the headers.
        io.restassured.response.Response found = given().queryParam("search", "REFUND POLICY " + u).get("/api/content/help");
        found.then().statusCode(200).body("data.title", equalTo(List.of("Refund policy " + u)))
                .header("X-Total-Count", "1").header("X-Page", "1").header("X-Limit", "20").header("X-Total-Pages", "1");
        Map<String, Object> item = found.jsonPath().getMap("data[0]");
        for (String field : List.of("articleId", "title", "slug", "content", "category", "tags", "helpful", "notHelpful",
                "createdAt", "updatedAt")) {
            assertTrue(item.containsKey(field), "the client's HelpArticle reads " + field + ": " + item.keySet());
        }
        assertTrue(String.valueOf(item.get("content")).contains("<a"), "the list answers the sanitised HTML: " + item.get("content"));
        for (String n : List.of("one", "two", "three")) {
            article("Paging " + n + " " + u, "Paging " + u, "text", null);
        }
        io.restassured.response.Response middle = given().queryParam("category", "Paging " + u).queryParam("limit", 1)
                .queryParam("page", 2).get("/api/content/help");
        middle.then().statusCode(200).body("data.title", equalTo(List.of("Paging three " + u)))
                .header("X-Total-Count", "3").header("X-Page", "2").header("X-Limit", "1").header("X-Total-Pages", "3");
        String link = middle.header("Link");
        assertTrue(link != null && link.contains("rel=\"next\"") && link.contains("rel=\"prev\"")
                && link.contains("rel=\"first\"") && link.contains("rel=\"last\""), link);
        String next = link.replaceAll(".*<([^>]*)>; rel=\"next\".*", "$1");
        // Root-relative, the filter kept (following it answers only this category), page and limit replaced.
        assertTrue(next.startsWith("/api/content/help?") && next.contains("page=3") && next.contains("limit=1")
                && next.contains("category="), next);
        given().urlEncodingEnabled(false).get(next).then().statusCode(200)
                .body("data.title", equalTo(List.of("Paging two " + u))).header("Link", not(containsString("rel=\"next\"")));
        given().queryParam("search", "secret").queryParam("category", "Billing " + u).get("/api/content/help").then()
                .body("data", org.hamcrest.Matchers.empty()).header("X-Total-Count", "0");
        given().queryParam("category", "Account " + u).get("/api/content/help").then()
                .body("data.title", equalTo(List.of("Reset your password " + u)));
        given().get("/api/content/help/reset-your-password-" + u).then().statusCode(200)
                .body("data.content", org.hamcrest.Matchers.containsString("<em>forgot password</em>"))
                .body("data.articleId", org.hamcrest.Matchers.notNullValue());
        given().get("/api/content/help/hidden-draft-" + u).then().statusCode(404);
    }

    @Test
    void feedbackCountsAreExactUnderConcurrency() throws Exception {
        String u = unique();
        String slug = article("Vote on me " + u, "Votes", "text", null).getString("slug");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String token = TestTokens.user(new ObjectId().toHexString());
            calls.add(() -> given().auth().oauth2(token).contentType("application/json").body("{\"helpful\":true}")
                    .post("/api/content/help/" + slug + "/feedback").statusCode());
        }
        String eager = TestTokens.user(new ObjectId().toHexString());
        for (int i = 0; i < 10; i++) {
            calls.add(() -> given().auth().oauth2(eager).contentType("application/json").body("{\"helpful\":true}")
                    .post("/api/content/help/" + slug + "/feedback").statusCode());
        }
        for (int i = 0; i < 5; i++) {
            String address = "203.0.113." + (i + 1);
            for (int repeat = 0; repeat < 3; repeat++) {
                calls.add(() -> given().header("X-Forwarded-For", address).contentType("application/json")
                        .body("{\"helpful\":false}").post("/api/content/help/" + slug + "/feedback").statusCode());
            }
        }
        for (Future<Integer> f : pool.invokeAll(calls)) {
            assertEquals(200, f.get());
        }
        pool.shutdown();
        given().get("/api/content/help/" + slug).then().body("data.helpful", equalTo(21)).body("data.notHelpful", equalTo(5));

        // a voter who changes their mind moves one vote, however often they send it
        List<Callable<Integer>> flips = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            flips.add(() -> given().auth().oauth2(eager).contentType("application/json").body("{\"helpful\":false}")
                    .post("/api/content/help/" + slug + "/feedback").statusCode());
        }
        ExecutorService pool2 = Executors.newFixedThreadPool(6);
        for (Future<Integer> f : pool2.invokeAll(flips)) {
            assertEquals(200, f.get());
        }
        pool2.shutdown();
        given().get("/api/content/help/" + slug).then().body("data.helpful", equalTo(20)).body("data.notHelpful", equalTo(6));
        // the original client votes by article id (content.api markHelpful): the same article, the same voter's vote
        String articleId = given().get("/api/content/help/" + slug).then().extract().path("data.articleId");
        given().auth().oauth2(eager).contentType("application/json").body("{\"helpful\":true}")
                .post("/api/content/help/" + articleId + "/feedback").then().statusCode(200)
                .body("data.articleId", equalTo(articleId)).body("data.helpful", equalTo(21)).body("data.notHelpful", equalTo(5));

        ContentApi.problem(given().contentType("application/json").body("{}").post("/api/content/help/" + slug + "/feedback").then(), 400);
        ContentApi.problem(given().contentType("application/json").body("{\"helpful\":{\"$gt\":\"\"}}").post("/api/content/help/" + slug + "/feedback").then(), 400);
        ContentApi.problem(given().contentType("application/json").body("{\"helpful\":true}").post("/api/content/help/no-such-" + u + "/feedback").then(), 404);
    }

    @Test
    void adminCrud() {
        String u = unique();
        JsonPath a = article("Crud " + u, "Crud", "one", null);
        String id = a.getString("articleId");
        admin().body("{\"title\":" + q("Crud renamed " + u) + ",\"status\":\"draft\"}").put("/api/content/help/" + id).then()
                .statusCode(200).body("data.slug", equalTo("crud-renamed-" + u)).body("data.status", equalTo("draft"));
        given().get("/api/content/help/crud-renamed-" + u).then().statusCode(404);
        admin().get("/api/content/help/admin/" + id).then().statusCode(200).body("data.title", equalTo("Crud renamed " + u));
        admin().delete("/api/content/help/" + id).then().statusCode(200);
        admin().get("/api/content/help/admin/" + id).then().statusCode(404);
        given().get("/api/content/help").then().body("data.articleId", org.hamcrest.Matchers.not(hasItem(id)));
    }
}
