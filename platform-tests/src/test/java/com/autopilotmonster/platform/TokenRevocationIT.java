package com.autopilotmonster.platform;

import static com.autopilotmonster.platform.Platform.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An account the admin deactivates loses access on every service at once, not when its token expires: the token
 * that just worked on an authenticated endpoint of each of the nine servers (directly at each service's port and
 * through the gateway) is answered 401 problem+json by all of them within a second of the admin's PUT. The account
 * is a second admin so that the admin service's own endpoints accepted the token before, too.
 */
class TokenRevocationIT {

    private static final String PASSWORD = "revocation passphrase " + UUID.randomUUID();

    /** One authenticated GET per service, each answered 200 to an admin token. */
    private static final Map<String, Object[]> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("auth", new Object[] {4002, "/api/auth/profile"});
        ENDPOINTS.put("marketplace", new Object[] {4003, "/api/marketplace/products/mine"});
        ENDPOINTS.put("cart", new Object[] {4009, "/api/cart"});
        ENDPOINTS.put("order", new Object[] {4004, "/api/orders"});
        ENDPOINTS.put("user", new Object[] {4005, "/api/users/profile"});
        ENDPOINTS.put("vendor", new Object[] {4006, "/api/vendors/settings"});
        ENDPOINTS.put("admin", new Object[] {4007, "/api/admin/settings"});
        ENDPOINTS.put("content", new Object[] {4008, "/api/content/admin/blog"});
    }

    @BeforeAll
    static void platform() {
        Platform.ready();
        Platform.readyAlso(Map.of("admin", 4007, "content", 4008));
    }

    private static Response at(int port, String path, String token) {
        return given().baseUri("http://localhost").port(port).auth().oauth2(token).get(path);
    }

    /** Every call of the round: each service directly, then the same paths through the gateway. */
    private static Map<String, Response> everywhere(String token) {
        Map<String, Response> answers = new LinkedHashMap<>();
        ENDPOINTS.forEach((name, e) -> answers.put(name, at((Integer) e[0], (String) e[1], token)));
        ENDPOINTS.forEach((name, e) -> answers.put("gateway->" + name, at(4000, (String) e[1], token)));
        return answers;
    }

    /** The same 16 calls all at once; each answer with the moment its request was sent. */
    private static Map<String, Object[]> everywhereAtOnce(String token) throws Exception {
        Map<String, Callable<Object[]>> calls = new LinkedHashMap<>();
        ENDPOINTS.forEach((name, e) -> {
            calls.put(name, () -> new Object[] {Instant.now(), at((Integer) e[0], (String) e[1], token)});
            calls.put("gateway->" + name, () -> new Object[] {Instant.now(), at(4000, (String) e[1], token)});
        });
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            Map<String, Future<Object[]>> futures = new LinkedHashMap<>();
            calls.forEach((name, call) -> futures.put(name, pool.submit(call)));
            Map<String, Object[]> answers = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Object[]>> f : futures.entrySet()) {
                answers.put(f.getKey(), f.getValue().get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeactivatedAccountsTokenIsRefusedByEveryServiceWithinASecond() throws Exception {
        String admin = Platform.adminToken();
        JsonPath registered = Platform.register("user", PASSWORD);
        String userId = registered.getString("data.user._id");
        String email = registered.getString("data.user.email");
        api(admin).body("{\"role\":\"admin\"}").put("/api/admin/users/{id}", userId).then().statusCode(200)
                .body("data.role", equalTo("admin"));
        String token = Platform.post(null, "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\"}").statusCode(200).body("data.user.role", equalTo("admin")).extract().path("data.accessToken");

        everywhere(token).forEach((name, r) -> assertEquals(200, r.statusCode(), name + " before: " + r.asString()));

        api(admin).body("{\"isActive\":false}").put("/api/admin/users/{id}", userId).then().statusCode(200);
        Instant deactivated = Instant.now();
        Map<String, Object[]> after = everywhereAtOnce(token);

        List<String> wrong = new ArrayList<>();
        after.forEach((name, sentAndAnswer) -> {
            Duration sentAfter = Duration.between(deactivated, (Instant) sentAndAnswer[0]);
            Response r = (Response) sentAndAnswer[1];
            if (r.statusCode() != 401 || !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                wrong.add(name + " " + r.statusCode() + " " + r.contentType());
            }
            if (sentAfter.compareTo(Duration.ofSeconds(1)) > 0) {
                wrong.add(name + " asked only " + sentAfter + " after the deactivation");
            }
        });
        assertTrue(wrong.isEmpty(), "not refused within a second of the deactivation: " + wrong);
    }
}
