package com.autopilotmonster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.LoopbackBudget;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The gateway on its real Liberty server in front of real HTTP upstreams on the spec's ports (the services'
 * own servers are not running while this module is tested).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayRoutingIT {

    private static final Map<String, StubUpstream> UPSTREAMS = new LinkedHashMap<>();
    private static final String[][] ROUTES = {
        {"/api/auth", "auth", "4002"}, {"/api/marketplace", "marketplace", "4003"}, {"/api/cart", "cart", "4009"},
        {"/api/orders", "orders", "4004"}, {"/api/users", "users", "4005"}, {"/api/vendors", "vendors", "4006"},
        {"/api/content", "content", "4008"}, {"/api/admin", "admin", "4007"},
    };

    @BeforeAll
    static void startUpstreams() throws Exception {
        for (String[] route : ROUTES) {
            StubUpstream stub = new StubUpstream(route[1], Integer.parseInt(route[2]));
            stub.start();
            UPSTREAMS.put(route[1], stub);
        }
        LoopbackBudget.reset();
        ServiceUnderTest.target(4000);
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.values().forEach(StubUpstream::stop);
    }

    @Test
    @Order(1)
    void everyPrefixReachesItsService() {
        for (String[] route : ROUTES) {
            given().get(route[0] + "/some/thing?x=1&y=two").then().statusCode(200)
                    .body("service", equalTo(route[1])).body("path", equalTo(route[0] + "/some/thing"))
                    .body("query", equalTo("x=1&y=two")).body("method", equalTo("GET"));
        }
        given().get("/api/cart").then().statusCode(200).body("service", equalTo("cart"));
    }

    @Test
    @Order(2)
    void requestHeadersAreForwardedAndHopByHopDropped() {
        given().header("X-Request-Id", "gw-test-1").header("X-Custom", "kept")
                .header("Proxy-Authorization", "Basic c2VjcmV0").header("X-Forwarded-For", "203.0.113.9")
                .get("/api/marketplace/products").then().statusCode(200)
                .body("requestId", equalTo("gw-test-1")).body("custom", equalTo("kept"))
                .body("proxyAuthorization", equalTo("")).body("forwardedFor", containsString("203.0.113.9, "))
                .body("forwardedProto", equalTo("http")).body("forwardedHost", containsString("localhost"))
                .header("X-Request-Id", "gw-test-1");
    }

    @Test
    @Order(3)
    void statusAndResponseHeadersComeBack() {
        Response response = given().contentType(ContentType.JSON).body("{}").post("/api/orders/created");
        response.then().statusCode(201).header("Location", "/api/things/42").header("Retry-After", "7")
                .header("ETag", "\"v42\"");
        assertTrue(response.headers().getValues("Set-Cookie").containsAll(java.util.List.of("a=1; Path=/", "b=2; Path=/")),
                response.headers().getValues("Set-Cookie").toString());
        given().get("/api/users/x").then().header("X-Content-Type-Options", "nosniff")
                .header("X-Powered-By", org.hamcrest.Matchers.nullValue());
    }

    @Test
    @Order(4)
    void rawBodiesArriveByteForByte() {
        byte[] upload = new byte[900_000];
        new Random(42).nextBytes(upload);
        given().contentType("application/octet-stream").body(upload).post("/api/orders/webhooks/stripe").then()
                .statusCode(200).body("bodyBytes", equalTo(upload.length))
                .body("sha256", equalTo(StubUpstream.sha256(upload)));
        String signedJson = "{\"id\":\"evt_1\",  \"amount\" : 1999 ,\"note\":\"spaces  and\\u00e9 order kept\"}";
        given().contentType(ContentType.JSON).body(signedJson).post("/api/orders/webhooks/razorpay").then()
                .body("sha256", equalTo(StubUpstream.sha256(signedJson.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    @Order(4)
    void largeAnswersStreamThroughWithAndWithoutALength() {
        String expected = StubUpstream.sha256(StubUpstream.largeBody());
        for (String path : new String[] {"/api/content/files/big", "/api/content/files/big-chunked"}) {
            Response response = given().get(path);
            response.then().statusCode(200).header("X-Body-Sha256", expected);
            byte[] body = response.asByteArray();
            assertEquals(300_000, body.length, path);
            assertEquals(expected, StubUpstream.sha256(body), path);
        }
    }

    @Test
    @Order(5)
    void unknownPathsAreProblems() {
        given().get("/api/nothing-here").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("success", equalTo(false));
        given().get("/api/authx").then().statusCode(404);
    }

    @Test
    @Order(6)
    void aHangingServiceAnswers504InBoundedTime() {
        long start = System.nanoTime();
        // answered from the HTTP client's thread: the problem still names the request it belongs to
        given().header("X-Request-Id", "gw-hang-1").get("/api/vendors/hang").then().statusCode(504)
                .contentType(containsString("application/problem+json")).header("X-Request-Id", "gw-hang-1")
                .body("requestId", equalTo("gw-hang-1")).body("instance", equalTo("/api/vendors/hang"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 8000, "504 after " + ms + " ms");
        given().get("/api/content/still-fine").then().statusCode(200);
    }

    @Test
    @Order(7)
    void aDeadServiceOpensTheBreakerAndRecovers() throws Exception {
        StubUpstream content = UPSTREAMS.get("content");
        content.stop();
        int status = 0;
        for (int i = 0; i < 8; i++) {
            status = given().get("/api/content/blog").statusCode();
            assertTrue(status == 502 || status == 503, "dead service answered " + status);
        }
        long start = System.nanoTime();
        given().get("/api/content/blog").then().statusCode(503).header("Retry-After", notNullValue())
                .contentType(containsString("application/problem+json"));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 500, "an open breaker answers at once");
        given().get("/api/marketplace/products").then().statusCode(200);

        content.start();
        Duration recovered = Eventually.await("content route recovers", Duration.ofSeconds(30),
                () -> given().get("/api/content/blog").statusCode() == 200);
        assertTrue(recovered.toSeconds() < 30);
        given().get("/api/content/blog").then().statusCode(200).body("service", equalTo("content"));
    }

    @Test
    @Order(8)
    void upstreamErrorsKeepTheirStatus() {
        given().get("/api/admin/fail").then().statusCode(500).body("service", equalTo("admin"));
        given().get("/api/admin/ok").then().statusCode(200).body(not(containsString("Exception")));
    }

    private static java.net.http.HttpResponse<String> raw(String method, String rawPath) throws Exception {
        // java.net.http sends the path exactly as written (RestAssured would re-encode it)
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:4000" + rawPath))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(20)
    void servicesGetTheClientAddressResolvedAtTheEdgeNeverTheClientsOwn() {
        // the peer (loopback) and the right-most hop 127.0.0.9 are trusted proxies; 203.0.113.77 is the client,
        // everything left of it and any X-Client-Address sent from outside is the client's own claim
        given().header("X-Forwarded-For", "6.6.6.6, 203.0.113.77, 127.0.0.9").header("X-Client-Address", "6.6.6.6")
                .header("x-client-address", "6.6.6.7").get("/api/content/who").then().statusCode(200)
                .body("clientAddress", equalTo("203.0.113.77")).body("clientAddressCount", equalTo(1));
        given().get("/api/users/who").then().statusCode(200).body("clientAddress", equalTo("127.0.0.1"));
    }

    @Test
    @Order(21)
    void everySpellingOfAPathReachesTheServiceInItsOneCanonicalForm() throws Exception {
        for (String spelling : new String[] {"/api/content/Blog;v=1//x/./y/%61/", "/api/content/Blog/x/z/../y/a",
            "/api/content;v=1/Blog/x/y/%61"}) {
            var answer = raw("GET", spelling);
            assertEquals(200, answer.statusCode(), spelling);
            assertTrue(answer.body().contains("\"path\":\"/api/content/Blog/x/y/a\""), spelling + " " + answer.body());
        }
        // encoded dots never slip past the auth rules into another service: either routed by the canonical path
        // (served by auth, counted as a login) or refused before the gateway sees it (Liberty's web container
        // answers 400 to an encoded dot segment, which the gateway turns into problem+json)
        var viaDots = raw("POST", "/api/content/%2e%2e/auth/login");
        if (viaDots.statusCode() == 400) {
            assertTrue(viaDots.headers().firstValue("Content-Type").orElse("").contains("problem+json"), viaDots.body());
        } else {
            assertTrue(viaDots.body().contains("\"service\":\"auth\""), viaDots.body());
            assertTrue(viaDots.body().contains("\"path\":\"/api/auth/login\""), viaDots.body());
        }
        assertFalse(viaDots.body().contains("\"service\":\"content\""), viaDots.body());
        // no single reading: refused, never forwarded
        for (String refused : new String[] {"/api/auth%2flogin", "/api/content/a%00b"}) {
            var answer = raw("GET", refused);
            assertEquals(400, answer.statusCode(), refused);
            // refused by the gateway (problem+json) or already by Liberty's HTTP channel (a NUL byte): never forwarded
            assertFalse(answer.body().contains("\"service\""), refused + " " + answer.body());
        }
    }
}
