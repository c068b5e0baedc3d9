package com.autopilotmonster.admin.api;

import static com.autopilotmonster.admin.api.Admin.ADMIN;
import static com.autopilotmonster.admin.api.Admin.as;
import static com.autopilotmonster.admin.api.Admin.get;
import static com.autopilotmonster.admin.api.Admin.newId;
import static com.autopilotmonster.admin.api.Admin.post;
import static com.autopilotmonster.admin.api.Admin.problem;
import static com.autopilotmonster.admin.api.Admin.put;
import static org.hamcrest.Matchers.hasItem;

import com.autopilotmonster.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every admin endpoint: no token 401, a customer's or a vendor's token 403 (at this service, before any owner is
 * asked), forged tokens 401; bad input 400 problem+json before any owner is asked.
 */
class AdminAccessIT {

    private static final String ID = newId();

    /** method, path, body. */
    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"GET", "/api/admin/dashboard", null},
            new String[] {"GET", "/api/admin/analytics", null},
            new String[] {"GET", "/api/admin/users", null},
            new String[] {"GET", "/api/admin/users/" + ID, null},
            new String[] {"PUT", "/api/admin/users/" + ID, "{\"role\":\"vendor\"}"},
            new String[] {"DELETE", "/api/admin/users/" + ID, null},
            new String[] {"GET", "/api/admin/vendors", null},
            new String[] {"GET", "/api/admin/vendors/" + ID, null},
            new String[] {"PUT", "/api/admin/vendors/" + ID, "{\"name\":\"x\"}"},
            new String[] {"POST", "/api/admin/vendors/" + ID + "/approve", "{}"},
            new String[] {"POST", "/api/admin/vendors/" + ID + "/reject", "{\"reason\":\"no\"}"},
            new String[] {"POST", "/api/admin/vendors/" + ID + "/suspend", "{}"},
            new String[] {"POST", "/api/admin/vendors/" + ID + "/reactivate", "{}"},
            new String[] {"GET", "/api/admin/payouts", null},
            new String[] {"POST", "/api/admin/payouts/" + ID + "/approve", "{}"},
            new String[] {"POST", "/api/admin/payouts/" + ID + "/reject", "{\"reason\":\"no\"}"},
            new String[] {"POST", "/api/admin/payouts/" + ID + "/paid", "{}"},
            new String[] {"GET", "/api/admin/products", null},
            new String[] {"POST", "/api/admin/products/" + ID + "/approve", "{}"},
            new String[] {"POST", "/api/admin/products/" + ID + "/reject", "{\"reason\":\"no\"}"},
            new String[] {"DELETE", "/api/admin/products/" + ID, null},
            new String[] {"GET", "/api/admin/settings", null},
            new String[] {"PUT", "/api/admin/settings", "{\"featuredSlots\":3}"},
            new String[] {"GET", "/api/admin/audit", null});

    @BeforeAll
    static void setUp() {
        Admin.target();
    }

    private static ValidatableResponse call(String token, String[] endpoint) {
        var request = as(token);
        if (endpoint[2] != null) {
            request = request.contentType(ContentType.JSON).body(endpoint[2]);
        }
        return request.request(endpoint[0], endpoint[1]).then();
    }

    @Test
    void noTokenIs401AndCustomerOrVendorTokensAre403OnEveryEndpoint() {
        String customer = TestTokens.user(newId());
        String vendor = TestTokens.vendor(newId());
        for (String[] endpoint : ENDPOINTS) {
            problem(call(null, endpoint), 401);
            problem(call(customer, endpoint), 403);
            problem(call(vendor, endpoint), 403);
            problem(call(TestTokens.tampered(newId()), endpoint), 401);
            problem(call(TestTokens.unsignedAdmin(newId()), endpoint), 401);
            problem(call(TestTokens.expired(newId()), endpoint), 401);
        }
    }

    @Test
    void badInputIs400ProblemJsonNeverA500() {
        // operator objects and paths as ids
        problem(as(ADMIN).urlEncodingEnabled(false).get("/api/admin/users/%7B%22%24gt%22%3A%22%22%7D").then(), 400);
        problem(as(ADMIN).urlEncodingEnabled(false).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/products/%7B%22%24ne%22%3Anull%7D/approve").then(), 400);
        problem(get(ADMIN, "/api/admin/vendors/" + "x".repeat(65)), 400);
        // enums, paging, filters
        problem(get(ADMIN, "/api/admin/users?role=root"), 400);
        problem(as(ADMIN).queryParam("status", "{\"$ne\":1}").get("/api/admin/users").then(), 400);
        problem(get(ADMIN, "/api/admin/users?page=0"), 400);
        problem(get(ADMIN, "/api/admin/users?limit=101"), 400);
        problem(get(ADMIN, "/api/admin/users?search=" + "a".repeat(101)), 400);
        problem(get(ADMIN, "/api/admin/products?status=published"), 400);
        problem(get(ADMIN, "/api/admin/vendors?status=gold"), 400);
        problem(get(ADMIN, "/api/admin/payouts?status=lost"), 400);
        problem(get(ADMIN, "/api/admin/audit?from=yesterday"), 400);
        problem(get(ADMIN, "/api/admin/audit?targetType=planet"), 400);
        problem(get(ADMIN, "/api/admin/analytics?granularity=year"), 400);
        problem(get(ADMIN, "/api/admin/analytics?from=2026-02-01&to=2026-01-01"), 400);
        problem(get(ADMIN, "/api/admin/analytics?from=2000-01-01&to=2026-01-01&granularity=hour"), 400);
        // bodies: malformed JSON, not an object, unknown or ill-typed fields, missing reasons
        problem(put(ADMIN, "/api/admin/users/" + ID, "{\"role\":"), 400);
        problem(put(ADMIN, "/api/admin/users/" + ID, "[1,2]"), 400);
        problem(put(ADMIN, "/api/admin/users/" + ID, "{\"role\":\"root\"}"), 400);
        problem(put(ADMIN, "/api/admin/users/" + ID, "{\"role\":{\"$gt\":\"\"}}"), 400);
        problem(put(ADMIN, "/api/admin/users/" + ID, "{\"isActive\":\"no\"}"), 400);
        problem(put(ADMIN, "/api/admin/users/" + ID, "{\"password\":\"x\"}"), 400);
        problem(put(ADMIN, "/api/admin/users/" + ID, "{}"), 400);
        problem(post(ADMIN, "/api/admin/vendors/" + ID + "/reject", "{}"), 400);
        problem(post(ADMIN, "/api/admin/vendors/" + ID + "/reject", "{\"reason\":\"   \"}"), 400);
        problem(post(ADMIN, "/api/admin/vendors/" + ID + "/reject", "{\"reason\":\"" + "r".repeat(501) + "\"}"), 400);
        problem(post(ADMIN, "/api/admin/payouts/" + ID + "/reject", "{\"reason\":7}"), 400);
        problem(post(ADMIN, "/api/admin/products/" + ID + "/reject", "{\"reason\":null}"), 400);
        problem(put(ADMIN, "/api/admin/settings", "{not json"), 400);
        problem(put(ADMIN, "/api/admin/vendors/" + ID, "{}"), 400);
        // wrong content type
        Admin.as(ADMIN).contentType("text/plain").body("role=admin").put("/api/admin/users/" + ID).then().statusCode(415);
    }

    @Test
    void theAuditLogIsAppendOnly() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            int status = as(ADMIN).contentType(ContentType.JSON).body("{}").request(method, "/api/admin/audit").statusCode();
            org.junit.jupiter.api.Assertions.assertEquals(405, status, method + " /api/admin/audit");
        }
        get(ADMIN, "/api/admin/audit").statusCode(200).body("data.keySet()", hasItem("logs"))
                .body("data.keySet()", hasItem("pagination"));
    }
}
