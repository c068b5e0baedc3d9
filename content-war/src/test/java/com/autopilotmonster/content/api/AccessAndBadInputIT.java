package com.autopilotmonster.content.api;

import static com.autopilotmonster.content.api.ContentApi.admin;
import static com.autopilotmonster.content.api.ContentApi.problem;
import static io.restassured.RestAssured.given;

import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admin writes: 401 without a token, 403 for customers and vendors; bad input is a 400 problem, never a 500. */
class AccessAndBadInputIT {

    static final String ID = "0123456789abcdef01234567";
    static final String BLOG = "{\"title\":\"t\",\"content\":\"c\",\"category\":\"c\"}";

    record Call(String method, String path, String body) {
    }

    static final List<Call> ADMIN_CALLS = List.of(
            new Call("POST", "/api/content/blog", BLOG), new Call("PUT", "/api/content/blog/" + ID, BLOG),
            new Call("DELETE", "/api/content/blog/" + ID, null), new Call("GET", "/api/content/admin/blog", null),
            new Call("GET", "/api/content/admin/blog/" + ID, null),
            new Call("POST", "/api/content/help", BLOG), new Call("PUT", "/api/content/help/" + ID, BLOG),
            new Call("DELETE", "/api/content/help/" + ID, null), new Call("GET", "/api/content/help/admin/" + ID, null),
            new Call("POST", "/api/content/tutorials", BLOG), new Call("PUT", "/api/content/tutorials/" + ID, BLOG),
            new Call("DELETE", "/api/content/tutorials/" + ID, null),
            new Call("POST", "/api/content/jobs", BLOG), new Call("PUT", "/api/content/jobs/" + ID, BLOG),
            new Call("DELETE", "/api/content/jobs/" + ID, null), new Call("POST", "/api/content/jobs/" + ID + "/close", null),
            new Call("GET", "/api/content/jobs/" + ID + "/applications", null),
            new Call("GET", "/api/content/jobs/" + ID + "/applications/" + ID + "/resume", null));

    @BeforeAll
    static void target() {
        ContentApi.target();
    }

    static int call(RequestSpecification r, Call c) {
        if (c.body() != null) {
            r = r.contentType("application/json").body(c.body());
        }
        return r.request(c.method(), c.path()).statusCode();
    }

    @Test
    void adminOnly() {
        String vendor = TestTokens.vendor(new ObjectId().toHexString());
        for (Call c : ADMIN_CALLS) {
            org.junit.jupiter.api.Assertions.assertEquals(401, call(given(), c), c.toString());
            org.junit.jupiter.api.Assertions.assertEquals(403, call(given().auth().oauth2(ContentApi.CUSTOMER), c), c.toString());
            org.junit.jupiter.api.Assertions.assertEquals(403, call(given().auth().oauth2(vendor), c), c.toString());
            org.junit.jupiter.api.Assertions.assertEquals(401, call(given().auth().oauth2(TestTokens.tampered("x")), c), c.toString());
        }
        // and nothing was written by them
        admin().get("/api/content/admin/blog/" + ID).then().statusCode(404);
    }

    @Test
    void badInputIsA400Problem() {
        problem(admin().body("{\"title\": \"t\", ").post("/api/content/blog").then(), 400);
        problem(admin().body("[]").post("/api/content/blog").then(), 400);
        problem(admin().body("{\"title\":{\"$gt\":\"\"},\"content\":\"c\",\"category\":\"c\"}").post("/api/content/blog").then(), 400);
        problem(admin().body("{\"title\":[\"a\"],\"content\":\"c\",\"category\":\"c\"}").post("/api/content/blog").then(), 400);
        problem(admin().body("{\"title\":\"t\",\"content\":\"c\",\"category\":\"c\",\"tags\":[{\"$ne\":1}]}").post("/api/content/blog").then(), 400);
        problem(admin().body("{\"title\":\"" + "x".repeat(201) + "\",\"content\":\"c\",\"category\":\"c\"}").post("/api/content/blog").then(), 400);
        problem(admin().body("{\"title\":\"t\",\"content\":\"" + "x".repeat(200_001) + "\",\"category\":\"c\"}").post("/api/content/blog").then(), 400);
        problem(admin().body("{\"content\":\"c\",\"category\":\"c\"}").post("/api/content/blog").then(), 400);
        problem(admin().body("{\"title\":\"   \",\"content\":\"c\",\"category\":\"c\"}").post("/api/content/blog").then(), 400);
        problem(admin().body("{\"title\":\"t\",\"content\":\"c\",\"category\":\"c\",\"status\":\"live\"}").post("/api/content/blog").then(), 400);
        problem(admin().body("{\"title\":\"t\",\"content\":\"c\",\"category\":\"c\",\"featured\":{\"$gt\":1}}").post("/api/content/blog").then(), 400);
        problem(admin().contentType("text/plain").body("hello").post("/api/content/blog").then(), 415);
        problem(admin().body("{\"title\":\"" + "x".repeat(7 * 1024 * 1024) + "\"}").post("/api/content/blog").then(), 413);
        problem(admin().urlEncodingEnabled(false).body(BLOG).put("/api/content/blog/%7B%22%24gt%22%3A%22%22%7D").then(), 400);
        problem(given().urlEncodingEnabled(false).get("/api/content/blog/%7B%22%24ne%22%3Anull%7D").then(), 400);
        problem(given().get("/api/content/blog/{slug}", "a.b").then(), 400);
        problem(given().queryParam("search", "x".repeat(101)).get("/api/content/blog").then(), 400);
        problem(given().queryParam("page", "abc").get("/api/content/blog").then(), 400);
        problem(given().queryParam("difficulty", "expert").get("/api/content/tutorials").then(), 400);
        problem(given().queryParam("type", "{\"$gt\":\"\"}").get("/api/content/jobs").then(), 400);
        problem(admin().body("{\"title\":\"t\",\"description\":\"d\",\"category\":\"c\",\"duration\":-1}").post("/api/content/tutorials").then(), 400);
        problem(admin().body("{\"title\":\"t\",\"department\":\"d\",\"location\":\"l\",\"description\":\"d\",\"type\":\"gig\"}").post("/api/content/jobs").then(), 400);
        problem(admin().body("{\"title\":\"t\",\"department\":\"d\",\"location\":\"l\",\"description\":\"d\","
                + "\"salary\":{\"min\":10,\"max\":5,\"currency\":\"USD\"}}").post("/api/content/jobs").then(), 400);
        problem(admin().body(BLOG).put("/api/content/blog/" + ID).then(), 404);
        problem(given().get("/api/content/tutorials/no-such-tutorial-" + ContentApi.unique()).then(), 404);
    }
}
