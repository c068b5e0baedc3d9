package com.autopilotmonster.content.api;

import static com.autopilotmonster.content.api.ContentApi.admin;
import static com.autopilotmonster.content.api.ContentApi.q;
import static com.autopilotmonster.content.api.ContentApi.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tutorials: steps, difficulty, duration and related products; published only in public; admin CRUD. */
class TutorialsIT {

    @BeforeAll
    static void target() {
        ContentApi.target();
    }

    @Test
    void lifecycle() {
        String u = unique();
        String id = admin().body("{\"title\":" + q("Build a lead bot " + u) + ",\"description\":\"From zero to bot\","
                + "\"content\":\"Intro with `code`\",\"category\":\"agents\",\"difficulty\":\"intermediate\",\"duration\":45,"
                + "\"steps\":[{\"title\":\"Install\",\"content\":\"Run **this**\"},{\"title\":\"Deploy\",\"content\":\"Ship it\"}],"
                + "\"relatedProducts\":[\"prod_1\",\"prod_2\",\"prod_1\"],\"videoUrl\":\"https://video.example/1\"}")
                .post("/api/content/tutorials").then().statusCode(201).body("data.status", equalTo("draft"))
                .extract().path("data.tutorialId");
        String slug = "build-a-lead-bot-" + u;
        given().get("/api/content/tutorials/" + slug).then().statusCode(404);
        given().queryParam("limit", 100).get("/api/content/tutorials").then().body("data.tutorials.tutorialId", not(hasItem(id)));

        admin().body("{\"status\":\"published\"}").put("/api/content/tutorials/" + id).then().statusCode(200);
        given().get("/api/content/tutorials/" + slug).then().statusCode(200)
                .body("data.difficulty", equalTo("intermediate")).body("data.duration", equalTo(45))
                .body("data.steps.title", equalTo(List.of("Install", "Deploy"))).body("data.steps.order", equalTo(List.of(1, 2)))
                .body("data.steps[0].content", containsString("<strong>this</strong>"))
                .body("data.relatedProducts", equalTo(List.of("prod_1", "prod_2")))
                .body("data.content", containsString("<code>code</code>"));
        given().queryParam("difficulty", "intermediate").queryParam("search", "lead bot " + u).get("/api/content/tutorials").then()
                .statusCode(200).body("data.tutorials.tutorialId", equalTo(List.of(id)));
        given().queryParam("difficulty", "advanced").queryParam("search", "lead bot " + u).get("/api/content/tutorials").then()
                .body("data.tutorials", org.hamcrest.Matchers.empty());

        admin().delete("/api/content/tutorials/" + id).then().statusCode(200);
        given().get("/api/content/tutorials/" + slug).then().statusCode(404);
    }
}
