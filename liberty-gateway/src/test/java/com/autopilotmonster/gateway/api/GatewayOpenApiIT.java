package com.autopilotmonster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.LoopbackBudget;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import io.restassured.response.Response;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /openapi merges the services' documents: auth's is the document its real Liberty server generated
 * (captured from it), marketplace's and cart's are small documents that clash with it on purpose. Content
 * hangs on /openapi and orders, users, vendors and admin are not running at all.
 */
class GatewayOpenApiIT {

    private static final StubUpstream AUTH = new StubUpstream("auth", 4002);
    private static final StubUpstream MARKETPLACE = new StubUpstream("marketplace", 4003);
    private static final StubUpstream CART = new StubUpstream("cart", 4009);
    private static final StubUpstream CONTENT = new StubUpstream("content", 4008).hangingOn("/openapi");

    @BeforeAll
    static void start() throws Exception {
        AUTH.withOpenApi(resource("auth.json")).start();
        MARKETPLACE.withOpenApi(resource("marketplace.json")).start();
        CART.withOpenApi(resource("cart.json")).start();
        CONTENT.start();
        LoopbackBudget.reset();
        ServiceUnderTest.target(4000);
        // the gateway reuses the services' documents for 5 s: wait until it has asked the ones started here
        Eventually.await("the gateway fetched auth's document", Duration.ofSeconds(15),
                () -> "included".equals(given().get("/openapi").path("info.x-services.auth.status")));
    }

    @AfterAll
    static void stop() {
        List.of(AUTH, MARKETPLACE, CART, CONTENT).forEach(StubUpstream::stop);
    }

    @Test
    void mergedDocumentIsValidAndHasThePathsOfEveryServiceThatAnswered() throws InterruptedException {
        Thread.sleep(5_100); // past the reuse time (gateway.openapi.cache-ms), so this request fans out afresh
        long started = System.nanoTime();
        Response response = given().accept("application/json").get("/openapi");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        response.then().statusCode(200).contentType(containsString("application/json"));
        // content never answers (30 s): the document still comes within the fetch bound (3 s)
        assertTrue(tookMs < 10_000, "took " + tookMs + " ms");

        OpenAPI api = parse(response.asString());
        assertTrue(api.getPaths().containsKey("/api/auth/login"));
        assertTrue(api.getPaths().containsKey("/api/auth/users/{id}"));
        assertTrue(api.getPaths().containsKey("/api/marketplace/products/{id}"));
        // cart's paths are relative to its server URL /api/cart: as the gateway exposes them
        assertTrue(api.getPaths().containsKey("/api/cart"));
        assertTrue(api.getPaths().containsKey("/api/cart/items"));
        // a path the gateway does not route cannot be tried through it
        assertFalse(api.getPaths().containsKey("/internal/reindex"));
        assertTrue(api.getPaths().keySet().stream().allMatch(p -> p.startsWith("/api/")), api.getPaths().keySet()::toString);

        // "try it out" goes to the gateway
        assertEquals("http://localhost:4000", api.getServers().get(0).getUrl());
        assertEquals(1, api.getServers().size());

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) api.getInfo().getExtensions()
                .get("x-services");
        assertEquals("included", services.get("auth").get("status"));
        assertEquals("included", services.get("marketplace").get("status"));
        assertEquals(1, ((Number) services.get("marketplace").get("pathsNotRouted")).intValue());
        assertEquals("unavailable", services.get("content").get("status"));
        assertEquals("unavailable", services.get("orders").get("status"));
        assertEquals("unreachable", services.get("orders").get("reason"));
        // the eight routes and the gateway's own status API (/api/system)
        assertEquals("included", services.get("gateway").get("status"));
        assertEquals(9, services.size());
    }

    @Test
    void componentsAreKeptOnceWhenEqualAndRenamedWhenTheyClash() {
        OpenAPI api = parse(given().get("/openapi").then().statusCode(200).extract().asString());

        // the same bearer scheme in all three documents: one entry
        assertEquals(Set.of("bearerAuth"), api.getComponents().getSecuritySchemes().keySet());
        // auth's UserView keeps its name; marketplace's different UserView is renamed and its $ref follows
        assertTrue(api.getComponents().getSchemas().get("UserView").getProperties().containsKey("isEmailVerified"));
        assertTrue(api.getComponents().getSchemas().get("marketplace_UserView").getProperties()
                .containsKey("storeName"));
        assertEquals("#/components/schemas/marketplace_UserView",
                ((Schema<?>) api.getComponents().getSchemas().get("Product").getProperties().get("vendor")).get$ref());
        assertEquals("#/components/schemas/UserView", api.getPaths().get("/api/auth/profile").getGet().getResponses()
                .get("200").getContent().get("application/json").getSchema().get$ref());

        // operation ids stay unique: cart's "list" clashes with marketplace's
        Set<String> ids = new HashSet<>();
        for (PathItem item : api.getPaths().values()) {
            for (Operation operation : item.readOperations()) {
                if (operation.getOperationId() != null) {
                    assertTrue(ids.add(operation.getOperationId()), "repeated " + operation.getOperationId());
                }
            }
        }
        assertEquals("list", api.getPaths().get("/api/marketplace/products").getGet().getOperationId());
        assertEquals("cart_list", api.getPaths().get("/api/cart").getGet().getOperationId());
        // cart's document-wide bearer requirement now sits on its operations, and only there
        assertEquals("bearerAuth", api.getPaths().get("/api/cart/items").getPost().getSecurity().get(0).keySet()
                .iterator().next());
        assertTrue(api.getPaths().get("/api/marketplace/products").getGet().getSecurity() == null);
        // an operation without tags is listed under its service in the UI
        assertEquals(List.of("cart"), api.getPaths().get("/api/cart").getGet().getTags());
    }

    @Test
    void swaggerUiComesFromTheWebjarAndLoadsTheMergedDocument() {
        given().redirects().follow(false).get("/openapi/ui").then().statusCode(302)
                .header("Location", containsString("/openapi/ui/"));
        String page = given().get("/openapi/ui/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'")).extract().asString();
        // the Content-Security-Policy allows no inline script: every script is loaded from the gateway
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page);
        int count = 0;
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src=\"/"), scripts.group());
            count++;
        }
        assertEquals(3, count);
        Matcher bundle = Pattern.compile("src=\"(/webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"").matcher(page);
        assertTrue(bundle.find(), page);
        given().get(bundle.group(1)).then().statusCode(200).body(containsString("SwaggerUIBundle"));
        Matcher css = Pattern.compile("href=\"(/webjars/swagger-ui/[^\"]+/swagger-ui\\.css)\"").matcher(page);
        assertTrue(css.find(), page);
        given().get(css.group(1)).then().statusCode(200).contentType(containsString("text/css"));
        given().get("/openapi/ui/initializer.js").then().statusCode(200)
                .contentType(containsString("javascript")).body(containsString("url: '/openapi'"));
    }

    @Test
    void aDocumentedOperationCanBeTriedThroughTheGateway() {
        OpenAPI api = parse(given().get("/openapi").then().statusCode(200).extract().asString());
        String server = api.getServers().get(0).getUrl();
        assertNotNull(api.getPaths().get("/api/auth/.well-known/jwks.json").getGet());
        // what Swagger UI's "try it out" sends: the server URL plus the documented path
        given().get(server + "/api/auth/.well-known/jwks.json").then().statusCode(200)
                .body("service", equalTo("auth")).body("path", equalTo("/api/auth/.well-known/jwks.json"))
                .header("RateLimit-Limit", not(equalTo(null)));
    }

    @Test
    void theGatewaysOwnDocumentMovedOutOfTheWay() {
        // Liberty's mpOpenAPI serves the gateway's own (proxy-less) document here, not at /openapi
        given().accept("application/json").get("/gateway/openapi").then().statusCode(200)
                .body("info.title", equalTo("Autopilot Monster API gateway"));
    }

    private static OpenAPI parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(json, null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), () -> "not valid: "
                + result.getMessages());
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GatewayOpenApiIT.class.getResourceAsStream("/openapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
