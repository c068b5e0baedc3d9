package com.autopilotmonster.admin.api;

import static com.autopilotmonster.admin.api.Admin.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's users by role come from auth's user.registered role: an account registered as a vendor at the real
 * auth service is a vendor in the read model (no vendor record, so no vendor.created says so), a plain one a user.
 */
class RegisteredRoleIT {

    @BeforeAll
    static void servers() {
        Admin.target();
    }

    @Test
    void theRegisteredRoleIsTheReadModelsRole() {
        Number vendorsBefore = Admin.get(ADMIN, "/api/admin/dashboard?health=false").statusCode(200).extract()
                .path("data.users.byRole.vendor");
        String vendor = Admin.register("vendor");
        String user = Admin.register(null);
        try (MongoClient client = MongoClients.create(System.getProperty("mongodb.uri",
                "mongodb://127.0.0.1:27017/?serverSelectionTimeoutMS=3000"))) {
            MongoCollection<Document> users = client.getDatabase("admin_db").getCollection("rm_users");
            Document vendorRow = Eventually.await("the vendor's registration in the read model", Admin.EVENT_WAIT,
                    () -> users.find(Filters.eq("_id", vendor)).first());
            Document userRow = Eventually.await("the user's registration in the read model", Admin.EVENT_WAIT,
                    () -> users.find(Filters.eq("_id", user)).first());
            assertEquals("vendor", vendorRow.getString("role"));
            assertEquals("user", userRow.getString("role"));
        }
        Number vendorsAfter = Admin.get(ADMIN, "/api/admin/dashboard?health=false").statusCode(200).extract()
                .path("data.users.byRole.vendor");
        long before = vendorsBefore == null ? 0 : vendorsBefore.longValue();
        assertTrue(vendorsAfter != null && vendorsAfter.longValue() >= before + 1, before + " -> " + vendorsAfter);
    }
}
