package com.autopilotmonster.admin.api;

import static com.autopilotmonster.admin.api.Admin.ADMIN;
import static com.autopilotmonster.admin.api.Admin.ADMIN_ID;
import static com.autopilotmonster.admin.api.Admin.delete;
import static com.autopilotmonster.admin.api.Admin.get;
import static com.autopilotmonster.admin.api.Admin.newId;
import static com.autopilotmonster.admin.api.Admin.problem;
import static com.autopilotmonster.admin.api.Admin.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accounts through the real auth service: search, read, change, delete; the self-demotion rule; the audit trail. */
class UsersIT {

    @BeforeAll
    static void setUp() {
        Admin.target();
    }

    @Test
    void listSearchReadAndChangeAUserThroughAuth() {
        String userId = Admin.register(null);
        String email = Admin.emailOf(userId);

        get(ADMIN, "/api/admin/users?search=" + email).statusCode(200).body("success", equalTo(true))
                .body("data.users", hasSize(1)).body("data.users[0].userId", equalTo(userId))
                .body("data.users[0].status", equalTo("active")).body("data.pagination.total", equalTo(1))
                .body("data.pagination.page", equalTo(1));
        get(ADMIN, "/api/admin/users?search=" + email + "&role=vendor").statusCode(200).body("data.users", hasSize(0));
        get(ADMIN, "/api/admin/users?search=" + email + "&status=inactive").statusCode(200).body("data.users", hasSize(0));
        get(ADMIN, "/api/admin/users/" + userId).statusCode(200).body("data.email", equalTo(email))
                .body("data.role", equalTo("user"));

        put(ADMIN, "/api/admin/users/" + userId, "{\"role\":\"vendor\"}").statusCode(200)
                .body("message", equalTo("User updated")).body("data.role", equalTo("vendor"));
        // the owner has it
        given().port(Admin.AUTH).auth().oauth2(ADMIN).get("/api/auth/users/" + userId).then().statusCode(200)
                .body("data.role", equalTo("vendor"));
        put(ADMIN, "/api/admin/users/" + userId, "{\"status\":\"suspended\"}").statusCode(200)
                .body("data.isActive", equalTo(false)).body("data.status", equalTo("suspended"));
        get(ADMIN, "/api/admin/users?search=" + email + "&status=inactive").statusCode(200).body("data.users", hasSize(1))
                .body("data.users[0].status", equalTo("suspended"));
        // a ban is inactive in auth and told apart here; re-activating clears it
        put(ADMIN, "/api/admin/users/" + userId, "{\"status\":\"banned\"}").statusCode(200)
                .body("data.isActive", equalTo(false)).body("data.status", equalTo("banned"));
        get(ADMIN, "/api/admin/users/" + userId).statusCode(200).body("data.status", equalTo("banned"));
        put(ADMIN, "/api/admin/users/" + userId, "{\"isActive\":true}").statusCode(200).body("data.status", equalTo("active"));

        // the original console's Partial<AdminUser>: names go to auth (which tells the user service)
        put(ADMIN, "/api/admin/users/" + userId, "{\"firstName\":\"Renamed\"}").statusCode(200)
                .body("data.firstName", equalTo("Renamed")).body("data.lastName", equalTo("Tester"))
                .body("data.status", equalTo("active"));
        given().port(Admin.AUTH).auth().oauth2(ADMIN).get("/api/auth/users/" + userId).then().statusCode(200)
                .body("data.firstName", equalTo("Renamed"));
        problem(put(ADMIN, "/api/admin/users/" + userId, "{\"lastName\":\"   \"}"), 400);
        problem(put(ADMIN, "/api/admin/users/" + userId, "{\"firstName\":7}"), 400);
        problem(put(ADMIN, "/api/admin/users/" + userId, "{\"totalSpent\":7}"), 400);

        Map<String, Object> entry = Admin.auditEntry(userId, "user.update");
        assertEquals(ADMIN_ID, entry.get("actorId"));
        assertEquals("user", entry.get("targetType"));
        assertTrue(entry.get("requestId") != null && entry.get("timestamp") != null, entry.toString());
        // the first change: before user, after vendor
        Map<String, Object> first = Admin.audit(userId).stream().filter(e -> "user.update".equals(e.get("action")))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("user", ((Map<?, ?>) first.get("before")).get("role"));
        assertEquals("vendor", ((Map<?, ?>) first.get("after")).get("role"));

        // the owner's 404 passes through
        problem(get(ADMIN, "/api/admin/users/" + newId()), 404);
    }

    @Test
    void anAdminCannotDemoteDeactivateOrDeleteThemselves() {
        String userId = Admin.register(null);
        put(ADMIN, "/api/admin/users/" + userId, "{\"role\":\"admin\"}").statusCode(200).body("data.role", equalTo("admin"));
        // a role change voids the user's tokens issued up to that second (auth's valid-after): mint the new one after it
        sleepIntoTheNextSecond();
        String self = TestTokens.admin(userId);
        problem(put(self, "/api/admin/users/" + userId, "{\"role\":\"user\"}"), 409);
        problem(put(self, "/api/admin/users/" + userId, "{\"isActive\":false}"), 409);
        problem(put(self, "/api/admin/users/" + userId, "{\"status\":\"banned\"}"), 409);
        problem(delete(self, "/api/admin/users/" + userId), 409);
        given().port(Admin.AUTH).auth().oauth2(ADMIN).get("/api/auth/users/" + userId).then().statusCode(200)
                .body("data.role", equalTo("admin")).body("data.isActive", equalTo(true));
        // harmless self-changes are fine
        put(self, "/api/admin/users/" + userId, "{\"isEmailVerified\":true}").statusCode(200);
        // another admin may demote them (they are not the last active admin)
        put(ADMIN, "/api/admin/users/" + userId, "{\"role\":\"user\"}").statusCode(200).body("data.role", equalTo("user"));
    }

    private static void sleepIntoTheNextSecond() {
        try {
            Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void deleteDeactivatesInAuthAndPublishesUserDeleted() {
        String userId = Admin.register(null);
        delete(ADMIN, "/api/admin/users/" + userId).statusCode(200).body("message", equalTo("User deleted"))
                .body("data.isActive", equalTo(false));
        given().port(Admin.AUTH).auth().oauth2(ADMIN).get("/api/auth/users/" + userId).then().statusCode(200)
                .body("data.isActive", equalTo(false));
        KafkaTopicReader.Event event = KafkaTopicReader.awaitRecord(UsersResource.USER_DELETED, Duration.ofSeconds(30),
                e -> e.value().contains(userId));
        io.restassured.path.json.JsonPath payload = io.restassured.path.json.JsonPath.from(event.value());
        assertEquals(userId, payload.getString("userId"));
        assertTrue(payload.get("timestamp") != null);
        assertEquals(userId, event.key());
        assertEquals("user.deleted", event.headers().get("ce_type"));
        Map<String, Object> entry = Admin.auditEntry(userId, "user.delete");
        assertEquals(true, ((Map<?, ?>) entry.get("before")).get("isActive"));
        assertEquals(false, ((Map<?, ?>) entry.get("after")).get("isActive"));
        // the user's existing token is refused at once (auth's deny-list, honoured here too)
        problem(get(TestTokens.admin(userId), "/api/admin/settings"), 401);
    }

    @Test
    void anAccountCarriesItsPurchasesSpendAndLastLoginFromTheReadModel() {
        String email = "admin-it-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        String password = "Pale-blue-dot-" + UUID.randomUUID();
        String userId = given().port(Admin.AUTH).contentType("application/json").body("{\"firstName\":\"Ada\","
                + "\"lastName\":\"Buyer\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .post("/api/auth/register").then().statusCode(201).extract().path("data.user._id");
        get(ADMIN, "/api/admin/users/" + userId).statusCode(200).body("data.totalPurchases", equalTo(0))
                .body("data.totalSpent", equalTo(0.0f)).body("data.lastLogin", nullValue());

        // orders as the order service's outbox writes them: paid USD, paid EUR (a purchase, not in the USD sum),
        // paid then refunded (neither a purchase nor spent)
        String[] orders = {UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        String[][] money = {{"12.34", "USD"}, {"5.00", "EUR"}, {"3.00", "USD"}};
        String now = Instant.now().toString();
        for (int i = 0; i < orders.length; i++) {
            String o = orders[i];
            Admin.publish("order.created", o, "oc-" + o, "{\"orderId\":\"" + o + "\",\"userId\":\"" + userId
                    + "\",\"items\":[],\"total\":" + money[i][0] + ",\"currency\":\"" + money[i][1] + "\",\"timestamp\":\"" + now + "\"}");
            Admin.publish("payment.success", o, "ps-" + o, "{\"orderId\":\"" + o + "\",\"userId\":\"" + userId
                    + "\",\"amount\":" + money[i][0] + ",\"currency\":\"" + money[i][1] + "\",\"items\":[],\"timestamp\":\"" + now + "\"}");
        }
        Admin.publish("order.refunded", orders[2], "or-" + orders[2], "{\"orderId\":\"" + orders[2]
                + "\",\"amount\":3.00,\"currency\":\"USD\",\"items\":[],\"timestamp\":\"" + now + "\"}");
        // a login at the real auth service (it publishes user.logged-in)
        given().port(Admin.AUTH).contentType("application/json").body("{\"email\":\"" + email + "\",\"password\":\""
                + password + "\"}").post("/api/auth/login").then().statusCode(200);
        ReadModelBarrier.caughtUp();
        // auth's outbox relay may publish the login after the barrier
        com.autopilotmonster.testsupport.Eventually.await("the login reached the read model", Admin.EVENT_WAIT,
                () -> get(ADMIN, "/api/admin/users/" + userId).statusCode(200).extract().path("data.lastLogin") != null);

        get(ADMIN, "/api/admin/users/" + userId).statusCode(200).body("data.totalPurchases", equalTo(2))
                .body("data.totalSpent", equalTo(12.34f)).body("data.status", equalTo("active"))
                .body("data.lastLogin", notNullValue());
        String lastLogin = get(ADMIN, "/api/admin/users?search=" + email).statusCode(200)
                .body("data.users[0].totalPurchases", equalTo(2)).body("data.users[0].totalSpent", equalTo(12.34f))
                .extract().path("data.users[0].lastLogin");
        assertTrue(Duration.between(Instant.parse(lastLogin), Instant.now()).abs().toMinutes() < 5, lastLogin);
    }
}
