package com.autopilotmonster.admin.api;

import static com.autopilotmonster.admin.api.Admin.ADMIN;
import static com.autopilotmonster.admin.api.Admin.ADMIN_ID;
import static com.autopilotmonster.admin.api.Admin.get;
import static com.autopilotmonster.admin.api.Admin.problem;
import static com.autopilotmonster.admin.api.Admin.put;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.autopilotmonster.testsupport.KafkaTopicReader;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Settings: validated as a whole, stored, published as settings.updated (decimal strings), audited. */
class SettingsIT {

    private static final String DEFAULTS = "{\"commissionRate\":\"0.20\",\"payoutMinimum\":\"10.00\","
            + "\"payoutHoldingDays\":7,\"maxProductsPerVendor\":100,\"featuredSlots\":10,\"maintenanceMessage\":null}";

    @BeforeAll
    static void setUp() {
        Admin.target();
    }

    /** Leaves the platform's defaults as the latest settings.updated, for every other consumer. */
    @AfterAll
    static void restore() {
        put(ADMIN, "/api/admin/settings", DEFAULTS).statusCode(200);
    }

    @Test
    void invalidSettingsAre400WithTheFieldsAndChangeNothing() {
        String before = get(ADMIN, "/api/admin/settings").statusCode(200).extract().path("data.commissionRate");
        for (String[] bad : new String[][] {
                {"{\"commissionRate\":\"0.95\"}", "commissionRate"},
                {"{\"commissionRate\":\"-0.1\"}", "commissionRate"},
                {"{\"commissionRate\":\"abc\"}", "commissionRate"},
                {"{\"commissionRate\":\"0.12345\"}", "commissionRate"},
                {"{\"commissionRate\":{\"$gt\":0}}", "commissionRate"},
                {"{\"payoutMinimum\":\"10.001\"}", "payoutMinimum"},
                {"{\"payoutMinimum\":-5}", "payoutMinimum"},
                {"{\"payoutHoldingDays\":-1}", "payoutHoldingDays"},
                {"{\"payoutHoldingDays\":1.5}", "payoutHoldingDays"},
                {"{\"payoutHoldingDays\":\"7\"}", "payoutHoldingDays"},
                {"{\"maxProductsPerVendor\":0}", "maxProductsPerVendor"},
                {"{\"featuredSlots\":101}", "featuredSlots"},
                {"{\"maintenanceMessage\":\"" + "m".repeat(501) + "\"}", "maintenanceMessage"},
                {"{\"maintenanceMessage\":42}", "maintenanceMessage"},
                {"{\"commission\":\"0.1\"}", "commission"},
                {"{\"commissionRate\":\"0.10\",\"featuredSlots\":-1}", "featuredSlots"}}) {
            problem(put(ADMIN, "/api/admin/settings", bad[0]), 400).body("errors.field", hasItem(bad[1]));
        }
        // the valid half of a partly invalid change was not applied either
        get(ADMIN, "/api/admin/settings").statusCode(200).body("data.commissionRate", equalTo(before));
    }

    @Test
    void aValidChangeIsStoredPublishedAndAudited() {
        String message = "Maintenance " + UUID.randomUUID();
        put(ADMIN, "/api/admin/settings", "{\"commissionRate\":\"0.25\",\"payoutMinimum\":25,\"payoutHoldingDays\":3,"
                + "\"maxProductsPerVendor\":50,\"featuredSlots\":6,\"maintenanceMessage\":\"" + message + "\"}")
                .statusCode(200).body("message", equalTo("Settings updated"))
                .body("data.commissionRate", equalTo("0.25")).body("data.payoutMinimum", equalTo("25.00"))
                .body("data.payoutHoldingDays", equalTo(3)).body("data.updatedBy", equalTo(ADMIN_ID));
        get(ADMIN, "/api/admin/settings").statusCode(200).body("data.commissionRate", equalTo("0.25"))
                .body("data.maxProductsPerVendor", equalTo(50)).body("data.featuredSlots", equalTo(6))
                .body("data.maintenanceMessage", equalTo(message));

        KafkaTopicReader.Event event = KafkaTopicReader.awaitRecord("settings.updated", Duration.ofSeconds(30),
                e -> e.value().contains(message));
        io.restassured.path.json.JsonPath p = io.restassured.path.json.JsonPath.from(event.value());
        assertEquals("0.25", p.getString("commissionRate"));
        assertEquals("25.00", p.getString("payoutMinimum"));
        assertEquals(3, p.getInt("payoutHoldingDays"));
        assertEquals(50, p.getInt("maxProductsPerVendor"));
        assertEquals(6, p.getInt("featuredSlots"));
        assertEquals(ADMIN_ID, p.getString("updatedBy"));
        assertFalse(p.getString("timestamp").isBlank());
        assertEquals("settings.updated", event.headers().get("ce_type"));

        // a partial change keeps the rest
        put(ADMIN, "/api/admin/settings", "{\"commissionRate\":0.3}").statusCode(200)
                .body("data.commissionRate", equalTo("0.30")).body("data.maintenanceMessage", equalTo(message));

        Map<String, Object> entry = Admin.audit("platform").stream().filter(e -> "settings.update".equals(e.get("action")))
                .findFirst().orElseThrow();
        assertEquals("0.25", ((Map<?, ?>) entry.get("before")).get("commissionRate"));
        assertEquals("0.30", ((Map<?, ?>) entry.get("after")).get("commissionRate"));
        assertEquals(ADMIN_ID, entry.get("actorId"));
    }
}
