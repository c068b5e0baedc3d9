package com.autopilotmonster.content.api;

import static com.autopilotmonster.content.api.ContentApi.admin;
import static com.autopilotmonster.content.api.ContentApi.post;
import static com.autopilotmonster.content.api.ContentApi.problem;
import static com.autopilotmonster.content.api.ContentApi.q;
import static com.autopilotmonster.content.api.ContentApi.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import io.restassured.path.json.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Publishing states, scheduled posts going live by themselves, drafts never public, slugs and redirects. */
class BlogPublishingIT {

    @BeforeAll
    static void target() {
        ContentApi.target();
    }

    private static List<String> publicTitles(String search) {
        return given().queryParam("search", search).queryParam("limit", 100).get("/api/content/blog").then()
                .statusCode(200).extract().jsonPath().getList("data.posts.title");
    }

    @Test
    void aDraftIsNeverPublicAndPublishingMakesItSo() {
        String tag = "t" + unique();
        JsonPath draft = post("{\"title\":" + q("Draft " + tag) + ",\"content\":\"# Hello\\n\\nSome **bold** words.\","
                + "\"category\":\"news\",\"tags\":[" + q(tag) + "]}");
        assertEquals("draft", draft.getString("status"));
        String id = draft.getString("blogId");
        assertEquals(id, draft.getString("_id"));
        String slug = draft.getString("slug");

        assertTrue(publicTitles(tag).isEmpty(), "a draft is not listed");
        given().get("/api/content/blog/" + slug).then().statusCode(404);
        given().queryParam("tag", tag).get("/api/content/blog").then().body("data.posts", org.hamcrest.Matchers.empty());
        given().get("/api/content/sitemap.xml").then().statusCode(200).body(not(org.hamcrest.Matchers.containsString(slug)));
        given().get("/api/content/blog/rss.xml").then().statusCode(200).body(not(org.hamcrest.Matchers.containsString(tag)));

        admin().body("{\"status\":\"published\",\"featured\":true}").put("/api/content/blog/" + id).then().statusCode(200)
                .body("data.status", equalTo("published")).body("data.publishedAt", notNullValue());
        assertEquals(List.of("Draft " + tag), publicTitles(tag));
        given().get("/api/content/blog/" + slug).then().statusCode(200)
                .body("data.title", equalTo("Draft " + tag))
                .body("data.contentHtml", org.hamcrest.Matchers.containsString("<strong>bold</strong>"))
                .body("data.readTime", equalTo(1))
                .body("data.excerpt", equalTo("Hello Some bold words."))
                .body("data.metaTitle", equalTo("Draft " + tag))
                .body("data.canonicalUrl", endsWith("/blog/" + slug))
                .body("data.author.id", notNullValue());
        // The web client reads data.posts (BlogPost[]) and data.pagination; the original sent data.blogs: both, same items.
        JsonPath listed = given().queryParam("tag", tag).get("/api/content/blog").then().statusCode(200)
                .body("data.posts.slug", equalTo(List.of(slug))).body("data.pagination.total", equalTo(1))
                .body("data.pagination.pages", equalTo(1)).extract().jsonPath();
        assertEquals(listed.getList("data.posts"), listed.getList("data.blogs"), "blogs and posts hold the same items");
        Map<String, Object> item = listed.getMap("data.posts[0]");
        for (String field : List.of("postId", "title", "slug", "excerpt", "content", "author", "category", "tags",
                "publishedAt", "updatedAt", "readTime", "views")) {
            assertTrue(item.containsKey(field), "the client's BlogPost reads " + field + ": " + item.keySet());
        }
        assertEquals(id, item.get("postId"));
        assertTrue(String.valueOf(item.get("content")).contains("<strong>bold</strong>"), "the list answers the sanitised HTML");
        given().get("/api/content/blog/featured?limit=20").then().statusCode(200)
                .body("data", org.hamcrest.Matchers.instanceOf(List.class)).body("data.slug", hasItem(slug))
                .body("data.find { it.slug == '" + slug + "' }.content", org.hamcrest.Matchers.containsString("<strong>bold</strong>"));

        admin().body("{\"status\":\"archived\"}").put("/api/content/blog/" + id).then().statusCode(200);
        assertTrue(publicTitles(tag).isEmpty(), "an archived post is not listed");
        given().get("/api/content/blog/" + slug).then().statusCode(404);
        admin().get("/api/content/admin/blog/" + id).then().statusCode(200).body("data.status", equalTo("archived"));
    }

    @Test
    void aScheduledPostGoesLiveAtItsTimeWithoutAnyoneActing() {
        String tag = "s" + unique();
        Instant at = Instant.now().plusSeconds(4);
        JsonPath scheduled = post("{\"title\":" + q("Scheduled " + tag) + ",\"content\":\"Coming soon\",\"category\":\"news\","
                + "\"status\":\"scheduled\",\"publishAt\":\"" + at + "\"}");
        assertEquals("scheduled", scheduled.getString("status"));
        String id = scheduled.getString("blogId");
        assertTrue(publicTitles(tag).isEmpty(), "not before its time");
        given().get("/api/content/blog/" + scheduled.getString("slug")).then().statusCode(404);

        // public at its time (read-time rule) ...
        Eventually.await("scheduled post listed", Duration.ofSeconds(15), () -> !publicTitles(tag).isEmpty());
        assertTrue(!Instant.now().isBefore(at));
        given().get("/api/content/blog/" + scheduled.getString("slug")).then().statusCode(200)
                .body("data.status", equalTo("published"));
        // ... and stored as published by the sweep, nobody having touched it
        Eventually.await("sweep stored the post as published", Duration.ofSeconds(20),
                () -> admin().queryParam("status", "published").queryParam("limit", 100).get("/api/content/admin/blog")
                        .then().extract().jsonPath().getList("data.blogs.blogId").contains(id));
    }

    @Test
    void scheduledNeedsATime() {
        problem(admin().body("{\"title\":\"x\",\"content\":\"y\",\"category\":\"z\",\"status\":\"scheduled\"}")
                .post("/api/content/blog").then(), 400);
        problem(admin().body("{\"title\":\"x\",\"content\":\"y\",\"category\":\"z\",\"status\":\"scheduled\",\"publishAt\":\"tomorrow\"}")
                .post("/api/content/blog").then(), 400);
        problem(admin().body("{\"title\":\"x\",\"content\":\"y\",\"category\":\"z\",\"status\":\"live\"}")
                .post("/api/content/blog").then(), 400);
    }

    @Test
    void slugsAreUniqueUnicodeSafeAndOldOnesRedirect() {
        String u = unique();
        String a = post("{\"title\":" + q("Crème Brûlée " + u) + ",\"content\":\"x\",\"category\":\"c\",\"status\":\"published\"}").getString("slug");
        assertEquals("creme-brulee-" + u, a);
        String b = post("{\"title\":" + q("Crème brûlée " + u + "!") + ",\"content\":\"x\",\"category\":\"c\",\"status\":\"published\"}").getString("slug");
        assertEquals("creme-brulee-" + u + "-2", b);
        String cyr = post("{\"title\":" + q("Привет мир " + u) + ",\"content\":\"x\",\"category\":\"c\",\"status\":\"published\"}").getString("slug");
        assertEquals("привет-мир-" + u, cyr);
        given().urlEncodingEnabled(true).get("/api/content/blog/{slug}", cyr).then().statusCode(200);
        String emoji = post("{\"title\":\"\\ud83d\\ude80\\ud83d\\ude80\",\"content\":\"x\",\"category\":\"c\"}").getString("slug");
        assertTrue(emoji.startsWith("post-"), emoji);

        JsonPath renamed = post("{\"title\":" + q("Old name " + u) + ",\"content\":\"x\",\"category\":\"c\",\"status\":\"published\"}");
        String oldSlug = renamed.getString("slug");
        String newSlug = admin().body("{\"title\":" + q("New name " + u) + "}").put("/api/content/blog/" + renamed.getString("blogId"))
                .then().statusCode(200).extract().path("data.slug");
        assertEquals("new-name-" + u, newSlug);
        given().redirects().follow(false).get("/api/content/blog/" + oldSlug).then().statusCode(301)
                .header("Location", endsWith("/api/content/blog/" + newSlug));
        given().get("/api/content/blog/" + newSlug).then().statusCode(200).body("data.title", equalTo("New name " + u));
        // the old slug stays the post's: nobody else can take it
        String other = post("{\"title\":" + q("Old name " + u) + ",\"content\":\"x\",\"category\":\"c\"}").getString("slug");
        assertEquals(oldSlug + "-2", other);
        given().redirects().follow(false).get("/api/content/blog/" + URLEncoder.encode("new-name-" + u, StandardCharsets.UTF_8))
                .then().statusCode(200);
    }

    @Test
    void listFiltersAndLiteralSearch() {
        String u = unique();
        post("{\"title\":" + q("Regex (a+)* trap " + u) + ",\"content\":\"body\",\"category\":\"cat" + u + "\",\"tags\":[\"alpha" + u + "\"],\"status\":\"published\"}");
        post("{\"title\":" + q("Plain " + u) + ",\"content\":\"body\",\"category\":\"other" + u + "\",\"tags\":[\"beta" + u + "\"],\"status\":\"published\"}");
        assertEquals(List.of("Regex (a+)* trap " + u), publicTitles("(A+)* TRAP " + u));
        assertTrue(publicTitles(".*" + u).isEmpty(), "search is literal, not a regex");
        given().queryParam("category", "cat" + u).get("/api/content/blog").then().body("data.posts.title", equalTo(List.of("Regex (a+)* trap " + u)));
        given().queryParam("tag", "beta" + u).get("/api/content/blog").then().body("data.posts.title", equalTo(List.of("Plain " + u)));
        given().queryParam("author", "nobody-" + u).get("/api/content/blog").then().body("data.posts", org.hamcrest.Matchers.empty());
        given().queryParam("limit", 2).get("/api/content/blog").then().statusCode(200)
                .body("data.pagination.limit", equalTo(2)).body("data.pagination.total", greaterThanOrEqualTo(2))
                .body("data.posts.status", everyItem(equalTo("published")));
        problem(given().queryParam("limit", 1000).get("/api/content/blog").then(), 400);
    }
}
