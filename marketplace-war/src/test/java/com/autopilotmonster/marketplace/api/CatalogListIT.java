package com.autopilotmonster.marketplace.api;

import static com.autopilotmonster.marketplace.api.Catalog.ADMIN;
import static com.autopilotmonster.marketplace.api.Catalog.newId;
import static com.autopilotmonster.marketplace.api.Catalog.post;
import static com.autopilotmonster.marketplace.api.Catalog.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.ServiceUnderTest;
import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public listing over a category of its own: paging bounds, every filter, every sort, ranked text
 * search, and hostile input (operators, regex bombs) that must stay harmless and fast.
 */
class CatalogListIT {

    private static final String PRODUCTS = "/api/marketplace/products";
    private static final String CATEGORY = Catalog.uniqueSlug("list");
    private static final String VENDOR_A = newId();
    private static final String VENDOR_B = newId();
    private static String p1;
    private static String p2;
    private static String p3;
    private static String p4;
    private static String p5;
    private static String pendingOne;

    @BeforeAll
    static void catalog() {
        ServiceUnderTest.target(4003);
        String a = TestTokens.vendor(VENDOR_A);
        String b = TestTokens.vendor(VENDOR_B);
        p1 = Catalog.createActive(a, json("Alpha Invoice Bot", "Reads scanned documents.", "10", "\"finance\",\"ocr\""));
        p2 = Catalog.createActive(a, json("Beta Mailer", "Sends invoice reminders.", "25.5", "\"email\""));
        p3 = Catalog.createActive(a, json("Gamma Scraper", "Scrapes sites.", "99.99", "\"invoice\""));
        p4 = Catalog.createActive(b, json("Delta CRM Sync", "Syncs contacts.", "0", "\"crm\""));
        p5 = Catalog.createActive(b, json("Epsilon INVOICE Parser", "Parses PDFs.", "49", "\"finance\""));
        pendingOne = Catalog.create(a, json("Zeta Invoice Draft", "Not approved.", "5", "\"finance\""));
        post(TestTokens.user(newId()), PRODUCTS + "/" + p1 + "/reviews", "{\"rating\":5}").statusCode(201);
        post(TestTokens.user(newId()), PRODUCTS + "/" + p4 + "/reviews", "{\"rating\":3}").statusCode(201);
        put(ADMIN, PRODUCTS + "/" + p2, "{\"isFeatured\":true}").statusCode(200);
        put(ADMIN, PRODUCTS + "/" + p4, "{\"isPopular\":true}").statusCode(200);
        put(ADMIN, PRODUCTS + "/" + p3, "{\"downloadCount\":500}").statusCode(200);
    }

    private static String json(String name, String description, String price, String tags) {
        return "{\"name\":\"" + name + "\",\"description\":\"" + description + "\",\"price\":" + price
                + ",\"category\":\"" + CATEGORY + "\",\"tags\":[" + tags + "]}";
    }

    private static ValidatableResponse list(Map<String, ?> query) {
        return given().queryParam("category", CATEGORY).queryParams(query).get(PRODUCTS).then();
    }

    @Test
    void listsOnlyActiveProductsWithPagingMetadata() {
        list(Map.of()).statusCode(200).body("success", equalTo(true))
                .body("data.products._id", containsInAnyOrder(p1, p2, p3, p4, p5))
                .body("data.products._id", not(hasItem(pendingOne)))
                .body("data.pagination.total", equalTo(5));
        list(Map.of("limit", 2)).statusCode(200).body("data.products.size()", equalTo(2))
                .body("data.pagination.page", equalTo(1)).body("data.pagination.limit", equalTo(2))
                .body("data.pagination.totalPages", equalTo(3)).body("data.pagination.hasNextPage", equalTo(true))
                .body("data.pagination.hasPrevPage", equalTo(false));
        list(Map.of("limit", 2, "page", 3)).body("data.products.size()", equalTo(1)).body("data.pagination.hasNextPage", equalTo(false));
        list(Map.of("limit", 2, "page", 4)).statusCode(200).body("data.products", empty()).body("data.pagination.total", equalTo(5));
        for (Map<String, ?> bad : List.<Map<String, ?>>of(Map.of("limit", 101), Map.of("limit", 0), Map.of("page", 0),
                Map.of("page", "abc"), Map.of("limit", -5), Map.of("page", 100001))) {
            list(bad).statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void filtersNarrowTheList() {
        list(Map.of("vendorId", VENDOR_A)).body("data.products._id", containsInAnyOrder(p1, p2, p3));
        list(Map.of("tags", "finance")).body("data.products._id", containsInAnyOrder(p1, p5));
        list(Map.of("tags", "FINANCE,ocr")).body("data.products._id", contains(p1));
        list(Map.of("minPrice", 20, "maxPrice", 60)).body("data.products._id", containsInAnyOrder(p2, p5));
        list(Map.of("minPrice", "0", "maxPrice", "0")).body("data.products._id", contains(p4));
        list(Map.of("minRating", 4)).body("data.products._id", contains(p1));
        list(Map.of("minRating", 2.5)).body("data.products._id", containsInAnyOrder(p1, p4));
        list(Map.of("featured", true)).body("data.products._id", contains(p2));
        list(Map.of("popular", true)).body("data.products._id", contains(p4));
        list(Map.of("featured", false)).body("data.pagination.total", equalTo(4));
        // bad ranges and values
        list(Map.of("minPrice", 60, "maxPrice", 20)).statusCode(400).contentType("application/problem+json");
        list(Map.of("minPrice", -1)).statusCode(400);
        list(Map.of("minRating", 6)).statusCode(400);
        list(Map.of("featured", "maybe")).statusCode(400);
    }

    @Test
    void everySortKeyOrdersTheList() {
        list(Map.of("sort", "price_asc")).body("data.products._id", contains(p4, p1, p2, p5, p3));
        list(Map.of("sort", "price_desc")).body("data.products._id", contains(p3, p5, p2, p1, p4));
        list(Map.of("sort", "newest")).body("data.products._id", contains(p5, p4, p3, p2, p1));
        list(Map.of()).body("data.products._id", contains(p5, p4, p3, p2, p1));
        list(Map.of("sort", "oldest")).body("data.products._id", contains(p1, p2, p3, p4, p5));
        list(Map.of("sort", "rating")).body("data.products._id", contains(p1, p4, p2, p3, p5));
        list(Map.of("sort", "downloads")).body("data.products[0]._id", equalTo(p3));
        list(Map.of("sort", "popular")).body("data.products._id[0..1]", contains(p4, p3));
        list(Map.of("sort", "name")).body("data.products._id", contains(p1, p2, p4, p5, p3));
        list(Map.of("sort", "cheapest")).statusCode(400).contentType("application/problem+json");
        list(Map.of("sort", "{\"$natural\":1}")).statusCode(400);
    }

    @Test
    void searchIsCaseInsensitiveOverNameDescriptionAndTagsWithNameMatchesFirst() {
        // name matches (p1, p5) rank before description (p2) and tag (p3) matches, each tier in the requested order
        list(Map.of("q", "invoice", "sort", "price_asc")).statusCode(200)
                .body("data.products._id", contains(p1, p5, p2, p3)).body("data.pagination.total", equalTo(4));
        list(Map.of("q", "INVOICE", "sort", "price_desc")).body("data.products._id", contains(p5, p1, p3, p2));
        list(Map.of("search", "Invoice", "sort", "price_asc")).body("data.products._id", contains(p1, p5, p2, p3));
        // tiers page as one list
        list(Map.of("q", "invoice", "sort", "price_asc", "limit", 3)).body("data.products._id", contains(p1, p5, p2));
        list(Map.of("q", "invoice", "sort", "price_asc", "limit", 3, "page", 2)).body("data.products._id", contains(p3));
        list(Map.of("q", "invoice", "vendorId", VENDOR_B)).body("data.products._id", contains(p5));
        list(Map.of("q", "no such words here")).body("data.products", empty()).body("data.pagination.total", equalTo(0));
        list(Map.of("q", "x".repeat(101))).statusCode(400);
    }

    @Test
    void hostileSearchAndFilterInputIsHarmless() {
        for (String hostile : new String[] {"(a+)+$", "(.*a){25}", ".*", "^", "[", "]", ", ", "\\", "{\"$where\":\"sleep(5000)\"}",
                "{\"$ne\":null}", "$where", "'; db.products.drop(); '"}) {
            long start = System.nanoTime();
            // over the whole catalog, not just this test's category
            given().queryParam("q", hostile).get(PRODUCTS).then().statusCode(200).body("success", equalTo(true));
            list(Map.of("q", hostile)).statusCode(200).body("data.pagination.total", equalTo(0));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 10_000, "search for " + hostile + " took " + millis + " ms");
        }
        given().queryParam("q", "a".repeat(60) + "!").get(PRODUCTS).then().statusCode(200);
        for (Map<String, ?> hostile : List.<Map<String, ?>>of(Map.of("category", "{\"$ne\":null}"),
                Map.of("vendorId", "{\"$ne\":null}"), Map.of("minPrice", "{\"$gt\":0}"), Map.of("tags", "a,".repeat(30)),
                Map.of("minRating", "{\"$gte\":0}"), Map.of("status", "{\"$ne\":\"active\"}"))) {
            given().queryParams(hostile).get(PRODUCTS).then().statusCode(400).contentType("application/problem+json");
        }
        // bracket syntax (qs-style operators) is just an unknown parameter here: ignored, still only active products
        given().queryParam("category", CATEGORY).queryParam("status[$ne]", "active").get(PRODUCTS).then()
                .statusCode(200).body("data.products._id", not(hasItem(pendingOne)));
    }

    @Test
    void onlyAdminsListOtherStatuses() {
        given().auth().oauth2(ADMIN).queryParam("category", CATEGORY).queryParam("status", "pending").get(PRODUCTS)
                .then().statusCode(200).body("data.products._id", contains(pendingOne));
        given().auth().oauth2(TestTokens.vendor(VENDOR_A)).queryParam("status", "pending").get(PRODUCTS).then()
                .statusCode(403);
        given().queryParam("status", "pending").get(PRODUCTS).then().statusCode(403);
    }

    @Test
    void featuredAndPopularListTheAdminFlagsAndTheMostDownloaded() {
        given().queryParam("category", CATEGORY).get(PRODUCTS + "/featured").then().statusCode(200)
                .body("data._id", contains(p2));
        given().queryParam("category", CATEGORY).get(PRODUCTS + "/popular").then().statusCode(200)
                .body("data._id", contains(p4, p3));
        given().queryParam("category", CATEGORY).queryParam("limit", 1).get(PRODUCTS + "/popular").then()
                .body("data._id", contains(p4));
        given().get(PRODUCTS + "/featured?limit=5").then().statusCode(200).body("data.size()",
                org.hamcrest.Matchers.lessThanOrEqualTo(5)).body("data.status", not(hasItem("pending")));
        given().get(PRODUCTS + "/popular?limit=0").then().statusCode(400);
        given().get(PRODUCTS + "/featured?limit=51").then().statusCode(400);
        given().get(PRODUCTS + "/popular?category=%7B%22%24ne%22%3Anull%7D").then().statusCode(400);
    }
}
