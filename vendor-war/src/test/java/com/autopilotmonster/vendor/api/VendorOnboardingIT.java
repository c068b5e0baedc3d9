package com.autopilotmonster.vendor.api;

import static com.autopilotmonster.vendor.api.VendorApi.admin;
import static com.autopilotmonster.vendor.api.VendorApi.as;
import static com.autopilotmonster.vendor.api.VendorApi.problem;
import static com.autopilotmonster.vendor.api.VendorApi.putProfile;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.TestTokens;
import com.autopilotmonster.vendor.api.VendorApi.Seller;
import java.time.Duration;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Onboarding and moderation on the real vendor-it and marketplace servers: the record is created pending, the
 * admin endpoints drive the state machine (others 409), events reach Kafka and the marketplace, which refuses to
 * publish products of a pending vendor and unpublishes a suspended vendor's products.
 */
class VendorOnboardingIT {

    @BeforeAll
    static void setUp() {
        VendorApi.target();
    }

    @Test
    void onboardingApprovalAndTheMarketplaceFollowsTheVendorsStatus() {
        Seller s = Seller.fresh();
        as(s.token()).get("/api/vendors/profile").then().statusCode(404);
        putProfile(s, "{\"name\":\"Acme Agents\",\"description\":\"Agents\",\"website\":\"https://acme.test\","
                + "\"address\":\"1 Agent Way, Leeds\",\"payout\":{\"stripeAccountId\":\"acct_1AcmeTest\"}}").statusCode(201)
                .body("data.vendorId", equalTo(s.id())).body("data.userId", equalTo(s.id()))
                // the web client's VendorProfile: avatar always there ("" without one), joinDate from creation
                .body("data.avatar", equalTo("")).body("data.joinDate", notNullValue())
                .body("data.address", equalTo("1 Agent Way, Leeds"))
                .body("data.status", equalTo("pending")).body("data.verified", equalTo(false))
                .body("data.payout.stripeAccountId", equalTo("acct_1AcmeTest"));
        putProfile(s, "{\"description\":\"Better agents\"}").statusCode(200).body("data.name", equalTo("Acme Agents"))
                .body("data.description", equalTo("Better agents")).body("data.status", equalTo("pending"));
        KafkaTopicReader.awaitRecord("vendor.created", Duration.ofSeconds(30), e -> e.value().contains(s.id()));

        // a product through the vendor service; publishing it is refused while the vendor is pending
        String productId = VendorApi.createProduct(s, "Onboarding " + UUID.randomUUID(), "19.99");
        Eventually.await("marketplace knows the vendor is pending", VendorApi.EVENT_WAIT,
                () -> VendorApi.setProductStatus(productId, "active").extract().statusCode() == 409);
        assertEquals("pending", VendorApi.productStatus(s, productId));

        // admin: list, approve; approving twice is a state-machine conflict
        admin("GET", "/vendors?status=pending&q=Acme", null).statusCode(200)
                .body("data.vendors.vendorId", hasItem(s.id())).body("data.pagination.total", not(nullValue()));
        admin("POST", "/vendors/" + s.id() + "/approve", null).statusCode(200).body("data.status", equalTo("active"));
        problem(admin("POST", "/vendors/" + s.id() + "/approve", null), 409);
        problem(admin("POST", "/vendors/" + s.id() + "/reject", "{\"reason\":\"late\"}"), 409);
        KafkaTopicReader.awaitRecord("vendor.approved", Duration.ofSeconds(30), e -> e.value().contains(s.id()));
        admin("PUT", "/vendors/" + s.id(), "{\"verified\":true}").statusCode(200).body("data.verified", equalTo(true));

        Eventually.await("the marketplace publishes the active vendor's product", VendorApi.EVENT_WAIT,
                () -> VendorApi.setProductStatus(productId, "active").extract().statusCode() == 200);
        assertEquals("active", VendorApi.productStatus(s, productId));
        as(s.token()).get("/api/vendors/products?status=active").then().statusCode(200)
                .body("data.products._id", hasItem(productId)).body("data.pagination.total", not(nullValue()));

        // suspension needs a reason, unpublishes the products; reactivation allows publishing again
        problem(admin("POST", "/vendors/" + s.id() + "/suspend", "{}"), 400);
        admin("POST", "/vendors/" + s.id() + "/suspend", "{\"reason\":\"chargebacks\"}").statusCode(200)
                .body("data.status", equalTo("suspended")).body("data.statusReason", equalTo("chargebacks"));
        KafkaTopicReader.awaitRecord("vendor.suspended", Duration.ofSeconds(30),
                e -> e.value().contains(s.id()) && e.value().contains("chargebacks"));
        Eventually.await("the suspended vendor's product is unpublished", VendorApi.EVENT_WAIT,
                () -> "pending".equals(VendorApi.productStatus(s, productId)));
        problem(VendorApi.setProductStatus(productId, "active"), 409);
        admin("POST", "/vendors/" + s.id() + "/reactivate", null).statusCode(200).body("data.status", equalTo("active"));
        Eventually.await("publishing allowed again", VendorApi.EVENT_WAIT,
                () -> VendorApi.setProductStatus(productId, "active").extract().statusCode() == 200);
    }

    @Test
    void aDeletedUsersVendorRecordIsSuspendedAndAnonymisedButItsMoneyRecordsStay() {
        Seller s = VendorApi.activeVendor("To be deleted");
        VendorApi.sale("ord_" + UUID.randomUUID(), java.util.List.of(new VendorApi.Line("p-del", s.id(), "12.50", 1)));
        VendorApi.awaitTotals(s, "sale recorded", t -> t.get("lifetime").signum() > 0);
        VendorApi.publish("user.deleted", s.id(), UUID.randomUUID().toString(),
                "{\"userId\":\"" + s.id() + "\",\"timestamp\":\"" + java.time.Instant.now() + "\"}");
        Eventually.await("vendor suspended and anonymised", VendorApi.EVENT_WAIT,
                () -> "suspended".equals(admin("GET", "/vendors/" + s.id(), null).extract().path("data.status")));
        admin("GET", "/vendors/" + s.id(), null).statusCode(200).body("data.name", equalTo("Deleted vendor"))
                .body("data.email", nullValue()).body("data.statusReason", equalTo("account deleted"));
        as(s.token()).get("/api/vendors/earnings").then().statusCode(200).body("data.entries[0].productId", equalTo("p-del"));
    }

    @Test
    void rejectionNeedsAReasonAndIsFinal() {
        Seller s = Seller.fresh();
        putProfile(s, "{\"name\":\"Reject me\"}").statusCode(201).body("data.description", equalTo(""))
                .body("data.avatar", equalTo("")).body("data.joinDate", notNullValue());
        problem(admin("POST", "/vendors/" + s.id() + "/reject", "{}"), 400);
        problem(admin("POST", "/vendors/" + s.id() + "/reject", "{\"reason\":\"   \"}"), 400);
        admin("POST", "/vendors/" + s.id() + "/reject", "{\"reason\":\"incomplete\"}").statusCode(200)
                .body("data.status", equalTo("rejected"));
        problem(admin("POST", "/vendors/" + s.id() + "/approve", null), 409);
        problem(admin("POST", "/vendors/" + s.id() + "/suspend", "{\"reason\":\"x\"}"), 409);
        problem(admin("POST", "/vendors/" + new ObjectId().toHexString() + "/approve", null), 404);
        KafkaTopicReader.awaitRecord("vendor.rejected", Duration.ofSeconds(30),
                e -> e.value().contains(s.id()) && e.value().contains("incomplete"));
    }

    @Test
    void aCustomerIsRefusedEverywhereAndAnonymousCallersNeedAToken() {
        String customer = TestTokens.user(new ObjectId().toHexString());
        String id = new ObjectId().toHexString();
        String[][] calls = {
                {"GET", "/api/vendors/profile"}, {"PUT", "/api/vendors/profile"}, {"GET", "/api/vendors/earnings"},
                {"GET", "/api/vendors/payouts"}, {"POST", "/api/vendors/payouts"}, {"GET", "/api/vendors/analytics"},
                {"GET", "/api/vendors/products"}, {"POST", "/api/vendors/products"}, {"PUT", "/api/vendors/products/" + id},
                {"DELETE", "/api/vendors/products/" + id}, {"GET", "/api/vendors/admin/vendors"},
                {"GET", "/api/vendors/admin/vendors/" + id}, {"POST", "/api/vendors/admin/vendors/" + id + "/approve"},
                {"GET", "/api/vendors/admin/payouts"}, {"POST", "/api/vendors/admin/payouts/" + id + "/paid"}};
        for (String[] call : calls) {
            problem(as(customer).body("{}").request(call[0], call[1]).then(), 403);
            problem(io.restassured.RestAssured.given().contentType("application/json").body("{}")
                    .request(call[0], call[1]).then(), 401);
        }
        // a vendor is not an admin
        problem(as(Seller.fresh().token()).get("/api/vendors/admin/vendors").then(), 403);
    }

    @Test
    void vendorsNeverSeeOrChangeEachOthersData() {
        Seller a = VendorApi.activeVendor("Vendor A");
        Seller b = VendorApi.activeVendor("Vendor B");
        String productOfA = VendorApi.createProduct(a, "Only A's " + UUID.randomUUID(), "5.00");
        as(b.token()).get("/api/vendors/profile").then().statusCode(200).body("data.vendorId", equalTo(b.id()));
        as(b.token()).get("/api/vendors/products").then().statusCode(200)
                .body("data.products._id", not(hasItem(productOfA)));
        int status = as(b.token()).body("{\"name\":\"stolen\"}").put("/api/vendors/products/" + productOfA).statusCode();
        assertTrue(status == 403 || status == 404, "B editing A's product: " + status);
        int deleted = as(b.token()).delete("/api/vendors/products/" + productOfA).statusCode();
        assertTrue(deleted == 403 || deleted == 404, "B deleting A's product: " + deleted);
        assertEquals("pending", VendorApi.productStatus(a, productOfA));
        // earnings, payouts: B's own only (no path names a vendor)
        as(b.token()).get("/api/vendors/earnings").then().statusCode(200).body("data.vendorId", equalTo(b.id()));
        as(b.token()).get("/api/vendors/payouts").then().statusCode(200).body("data.payouts.vendorId", not(hasItem(a.id())));

        // the owner edits and deletes its own product through the vendor service
        as(a.token()).body("{\"name\":\"Renamed by A\"}").put("/api/vendors/products/" + productOfA).then()
                .statusCode(200).body("data.name", equalTo("Renamed by A"));
        as(a.token()).delete("/api/vendors/products/" + productOfA).then().statusCode(200)
                .body("success", equalTo(true)).body("message", equalTo("Product deleted"));
        as(a.token()).get("/api/vendors/products/" + productOfA).then().statusCode(404);
    }

    @Test
    void theWebClientsProductBodyAndShape() {
        Seller s = VendorApi.activeVendor("Client shape vendor");
        String image = "https://cdn.example.test/" + UUID.randomUUID() + ".png";
        io.restassured.path.json.JsonPath created = as(s.token()).body("{\"name\":\"Client workflow " + UUID.randomUUID() + "\",\"type\":\"workflow\","
                        + "\"price\":19.99,\"description\":\"An n8n workflow\",\"image\":\"" + image + "\"}")
                .post("/api/vendors/products").then().statusCode(201)
                // the marketplace's product, from the client's type and image
                .body("data.category", equalTo("automation-workflows")).body("data.images[0]", equalTo(image))
                .body("data.thumbnail", equalTo(image))
                // the client's VendorProduct
                .body("data.type", equalTo("workflow"))
                .body("data.price", comparesEqualTo(new java.math.BigDecimal("19.99"))).body("data.status", equalTo("pending"))
                .body("data.downloads", equalTo(0)).body("data.revenue", comparesEqualTo(java.math.BigDecimal.ZERO))
                .body("data.rating", comparesEqualTo(java.math.BigDecimal.ZERO)).body("data.reviews", equalTo(0))
                .body("data.uploadDate", notNullValue()).body("data.image", equalTo(image))
                .body("data.description", equalTo("An n8n workflow")).extract().jsonPath();
        String id = created.getString("data.id");
        assertEquals(created.getString("data.productId"), id);
        as(s.token()).body("{\"price\":24.99,\"type\":\"agent\"}").put("/api/vendors/products/" + id).then().statusCode(200)
                .body("data.id", equalTo(id)).body("data.type", equalTo("agent")).body("data.category", equalTo("ai-agents"))
                .body("data.price", comparesEqualTo(new java.math.BigDecimal("24.99"))).body("data.image", equalTo(image));
        as(s.token()).get("/api/vendors/products").then().statusCode(200).body("data.products.id", hasItem(id))
                .body("data.products.find { it.id == '" + id + "' }.type", equalTo("agent"))
                .body("data.products.find { it.id == '" + id + "' }.revenue", comparesEqualTo(java.math.BigDecimal.ZERO));
        // the marketplace's reason reaches the caller (a relative image is not a catalog URL)
        problem(as(s.token()).body("{\"name\":\"Relative image\",\"type\":\"tool\",\"price\":5,\"description\":\"d\","
                + "\"image\":\"/api/placeholder/300/200\",\"thumbnail\":\"" + image + "\"}").post("/api/vendors/products").then(), 400)
                .body("message", containsString("must be an http(s) URL"));
        problem(as(s.token()).body("{\"name\":\"no category\",\"price\":5,\"description\":\"d\"}")
                .post("/api/vendors/products").then(), 400).body("message", containsString("category"));
        problem(as(s.token()).body("{\"name\":\"Robot\",\"type\":\"robot\",\"price\":5,\"description\":\"d\"}")
                .post("/api/vendors/products").then(), 400).body("message", containsString("agent, workflow or tool"));
    }

    @Test
    void badInputIsA400Problem() {
        Seller s = Seller.fresh();
        problem(putProfile(s, "{\"name\":"), 400);
        problem(putProfile(s, "{\"name\":{\"$gt\":\"\"}}"), 400);
        problem(putProfile(s, "{\"name\":\"" + "x".repeat(121) + "\"}"), 400);
        problem(putProfile(s, "{\"name\":\"ok\",\"website\":\"javascript:alert(1)\"}"), 400);
        problem(putProfile(s, "{\"name\":\"ok\",\"payout\":{\"stripeAccountId\":\"card_123\"}}"), 400);
        problem(putProfile(s, "{\"name\":\"ok\",\"payout\":{\"bankReference\":\"4242 4242 4242 4242\"}}"), 400);
        problem(putProfile(s, "{\"description\":\"no name yet\"}"), 400);
        problem(putProfile(s, "[]"), 400);
        problem(as(s.token()).get("/api/vendors/analytics?granularity=year").then(), 400);
        problem(as(s.token()).get("/api/vendors/analytics?from=yesterday").then(), 400);
        problem(as(s.token()).get("/api/vendors/payouts?status=lost").then(), 400);
        problem(as(s.token()).get("/api/vendors/earnings?limit=1000").then(), 400);
        problem(as(s.token()).body("{\"amount\":\"ten\"}").post("/api/vendors/payouts").then(), 400);
        problem(as(s.token()).body("{\"amount\":-5}").post("/api/vendors/payouts").then(), 400);
        problem(as(s.token()).body("{\"amount\":10.001}").post("/api/vendors/payouts").then(), 400);
        problem(as(s.token()).body("{\"amount\":{\"$gt\":0}}").post("/api/vendors/payouts").then(), 400);
        problem(as(s.token()).get("/api/vendors/products/not-an-id").then(), 400);
        problem(as(s.token()).get("/api/vendors/products?status=sold").then(), 400);
        problem(admin("GET", "/vendors/" + "%7B%22$gt%22:%22%22%7D", null), 400);
        problem(admin("GET", "/vendors?status=happy", null), 400);
        problem(admin("POST", "/payouts/xyz/approve", null), 400);
        problem(admin("POST", "/payouts/" + new ObjectId().toHexString() + "/approve", null), 404);
        // what the marketplace refuses is answered as the marketplace's 400
        problem(as(VendorApi.activeVendor("Bad product").token()).body("{\"name\":\"no price\"}")
                .post("/api/vendors/products").then(), 400);
    }
}
