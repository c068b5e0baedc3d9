package com.autopilotmonster.platform;

import static io.restassured.RestAssured.given;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.LoopbackBudget;
import com.stripe.net.Webhook;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The running platform as a client sees it: everything through the gateway on port 4000. */
final class Platform {

    static final String GATEWAY = "http://localhost:4000";
    /** The order server's sandbox webhook secret (its default; the journey's order server runs in sandbox mode). */
    static final String SANDBOX_SECRET = System.getProperty("payments.sandbox.webhook-secret",
            "whsec_autopilot_sandbox_local_only");
    static final Map<String, Integer> SERVICES = Map.of("gateway", 4000, "auth", 4002, "marketplace", 4003,
            "cart", 4009, "order", 4004, "user", 4005, "vendor", 4006);
    /** The local bootstrap admin (auth-war's build gives its server these). */
    static final String ADMIN_LOGIN = "{\"email\":\"admin@autopilot.local\",\"password\":\"local-admin-passphrase\"}";

    private Platform() {
    }

    /** Every server of the journey answers /health/ready 200; the loopback rate-limit budget is full. */
    static void ready() {
        // a failed status check prints the request and the whole answer (a gateway problem's detail says which
        // service did not answer and how): CI keeps only the build's output
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        SERVICES.forEach((name, port) -> Eventually.await(name + " ready on " + port, Duration.ofSeconds(300),
                () -> answers(port)));
        LoopbackBudget.reset();
    }

    /** Servers a journey needs besides {@link #SERVICES} (e.g. admin 4007, content 4008) answer /health/ready 200. */
    static void readyAlso(Map<String, Integer> more) {
        more.forEach((name, port) -> Eventually.await(name + " ready on " + port, Duration.ofSeconds(300),
                () -> answers(port)));
    }

    /** RestAssured throws the checked ConnectException while a server does not listen yet. */
    private static boolean answers(int port) {
        try {
            return given().baseUri("http://localhost").port(port).get("/health/ready").statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static RequestSpecification api() {
        return given().baseUri("http://localhost").port(4000).contentType(ContentType.JSON);
    }

    static RequestSpecification api(String token) {
        return api().auth().oauth2(token);
    }

    static ValidatableResponse post(String token, String path, String json) {
        return (token == null ? api() : api(token)).body(json).post(path).then();
    }

    /** A new account (role user or vendor) through the gateway; answers the register response's JSON. */
    static JsonPath register(String role, String password) {
        String email = role + "-journey-" + UUID.randomUUID() + "@example.test";
        return post(null, "/api/auth/register", "{\"firstName\":\"Journey\",\"lastName\":\"" + role
                + "\",\"email\":\"" + email + "\",\"password\":\"" + password + "\""
                + ("vendor".equals(role) ? ",\"role\":\"vendor\"" : "") + "}")
                .statusCode(201).extract().jsonPath();
    }

    static String adminToken() {
        return post(null, "/api/auth/login", ADMIN_LOGIN).statusCode(200).extract().path("data.accessToken");
    }

    /**
     * A vendor onboarded as in production: a vendor account, its vendor record (PUT /api/vendors/profile), approved
     * by an admin at the vendor service, and known as active by the marketplace (it learns it from
     * {@code vendor.approved}; only then does it publish the vendor's products). Answers the register response.
     */
    static JsonPath approvedVendor(String password) {
        JsonPath vendor = register("vendor", password);
        String token = vendor.getString("data.accessToken");
        String vendorId = vendor.getString("data.user.userId");
        api(token).body("{\"name\":\"Journey seller " + vendorId + "\"}").put("/api/vendors/profile").then()
                .statusCode(201);
        String admin = adminToken();
        api(admin).body("{}").post("/api/vendors/admin/vendors/{id}/approve", vendorId).then().statusCode(200);
        Eventually.await("the marketplace knows vendor " + vendorId + " as active", Duration.ofSeconds(60),
                () -> "active".equals(api(admin).get("/api/marketplace/vendors/{id}/status", vendorId).then()
                        .extract().path("data.status")));
        return vendor;
    }

    static String stripeSignature(String payload, String secret, long timestamp) {
        try {
            return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
