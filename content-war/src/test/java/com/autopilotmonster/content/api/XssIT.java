package com.autopilotmonster.content.api;

import static com.autopilotmonster.content.api.ContentApi.admin;
import static com.autopilotmonster.content.api.ContentApi.post;
import static com.autopilotmonster.content.api.ContentApi.q;
import static com.autopilotmonster.content.api.ContentApi.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Script payloads in every text field come back inert: no element that runs, no handler, no javascript: URL. */
class XssIT {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(2)>";
    static final String SVG = "<svg/onload=alert(3)>";
    static final String PAYLOAD = "A " + SCRIPT + IMG + SVG + " <a href=\"javascript:alert(4)\">x</a>";
    static final String MARKDOWN = "# Title\n\n" + PAYLOAD + "\n\n[click](javascript:alert(5)) [ok](https://example.com)"
            + " ![pic](javascript:alert(6)) <iframe src=\"https://evil.example\"></iframe>"
            + " <a href=\"JaVaScRiPt&#58;alert(7)\">y</a> <p style=\"background:url(javascript:alert(8))\" onclick=\"alert(9)\">p</p>";

    @BeforeAll
    static void target() {
        ContentApi.target();
    }

    static void assertInert(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        // escaped text such as "&lt;svg/onload&#61;..." is inert: only live markup counts
        for (String live : new String[] {"<script", "<svg", "<iframe", "onerror=", "onload=", "onclick=", "javascript:",
                "javascript&#58;", "style="}) {
            assertFalse(lower.contains(live), live + " in " + body);
        }
    }

    @Test
    void blogFieldsAndBody() {
        String u = unique();
        JsonPath created = post("{\"title\":" + q("T" + u + PAYLOAD) + ",\"content\":" + q(MARKDOWN) + ",\"excerpt\":" + q(PAYLOAD)
                + ",\"category\":" + q("c" + u + SCRIPT) + ",\"tags\":[" + q("x" + u + IMG) + "],\"metaTitle\":" + q(PAYLOAD)
                + ",\"metaDescription\":" + q(PAYLOAD) + ",\"status\":\"published\"}");
        String slug = created.getString("slug");
        String body = given().get("/api/content/blog/" + slug).then().statusCode(200).extract().asString();
        assertInert(body);
        JsonPath json = JsonPath.from(body);
        String html = json.getString("data.contentHtml");
        assertTrue(html.contains("<h1>Title</h1>"), html);
        assertTrue(html.contains("href=\"https://example.com\""), html);
        assertTrue(json.getString("data.title").startsWith("T" + u + "A"), json.getString("data.title"));
        assertInert(given().queryParam("search", "T" + u).get("/api/content/blog").then().statusCode(200).extract().asString());
        assertInert(given().get("/api/content/blog/rss.xml").then().statusCode(200).extract().asString());
        // an image/canonical URL must be http(s)
        ContentApi.problem(admin().body("{\"title\":\"t\",\"content\":\"c\",\"category\":\"c\",\"featuredImage\":\"javascript:alert(1)\"}")
                .post("/api/content/blog").then(), 400);
        ContentApi.problem(admin().body("{\"title\":\"t\",\"content\":\"c\",\"category\":\"c\",\"canonicalUrl\":\"javascript:alert(1)\"}")
                .post("/api/content/blog").then(), 400);
    }

    @Test
    void helpTutorialAndJobFields() {
        String u = unique();
        String help = admin().body("{\"title\":" + q("H" + u + PAYLOAD) + ",\"content\":" + q(MARKDOWN) + ",\"category\":" + q("g" + SCRIPT)
                + ",\"tags\":[" + q(IMG) + "]}").post("/api/content/help").then().statusCode(201).extract().path("data.slug");
        assertInert(given().get("/api/content/help/" + help).then().statusCode(200).extract().asString());
        assertInert(given().queryParam("search", "H" + u).get("/api/content/help").then().statusCode(200).extract().asString());

        String tutorial = admin().body("{\"title\":" + q("U" + u + PAYLOAD) + ",\"description\":" + q(PAYLOAD) + ",\"content\":" + q(MARKDOWN)
                + ",\"category\":\"c\",\"duration\":5,\"status\":\"published\",\"steps\":[{\"title\":" + q(PAYLOAD) + ",\"content\":" + q(MARKDOWN) + "}]}")
                .post("/api/content/tutorials").then().statusCode(201).extract().path("data.slug");
        assertInert(given().get("/api/content/tutorials/" + tutorial).then().statusCode(200).extract().asString());

        String job = admin().body("{\"title\":" + q("J" + u + PAYLOAD) + ",\"department\":" + q(SCRIPT + "Eng") + ",\"location\":" + q(IMG + "Remote")
                + ",\"description\":" + q(MARKDOWN) + ",\"requirements\":[" + q(PAYLOAD) + "],\"benefits\":[" + q(SVG + "b") + "]}")
                .post("/api/content/jobs").then().statusCode(201).extract().path("data.jobId");
        assertInert(given().get("/api/content/jobs/" + job).then().statusCode(200).extract().asString());
        given().contentType("application/json").body("{\"name\":" + q("N" + PAYLOAD) + ",\"email\":\"x" + u + "@example.test\","
                + "\"resume\":\"https://cv.example/x.pdf\",\"coverLetter\":" + q(PAYLOAD) + "}")
                .post("/api/content/jobs/" + job + "/apply").then().statusCode(201);
        assertInert(admin().get("/api/content/jobs/" + job + "/applications").then().statusCode(200).extract().asString());
    }
}
