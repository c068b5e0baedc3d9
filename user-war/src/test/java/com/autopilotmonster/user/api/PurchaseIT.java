package com.autopilotmonster.user.api;

import static com.autopilotmonster.user.api.Users.DOWNLOAD_LIMIT;
import static com.autopilotmonster.user.api.Users.eventId;
import static com.autopilotmonster.user.api.Users.get;
import static com.autopilotmonster.user.api.Users.item;
import static com.autopilotmonster.user.api.Users.problem;
import static com.autopilotmonster.user.api.Users.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.user.api.Users.User;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Purchases and digital delivery from the order service's events, published to the real Kafka exactly as its
 * outbox writes them: order.created -> pending (no access), payment.success -> owned (licence key, signed
 * links counted to the limit, exactly under concurrency), order.refunded / order.cancelled -> access gone,
 * redelivery has one effect, poison records do not stop the channel, nobody downloads another's purchase.
 */
class PurchaseIT {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @BeforeAll
    static void setUp() {
        Users.target();
    }

    private static Map<String, Object> awaitPurchase(User user, String productId, String status) {
        return Eventually.await("purchase of " + productId + " " + status, WAIT, () -> {
            List<Map<String, Object>> list = get(user.token(), "/api/users/purchases?limit=100").statusCode(200)
                    .extract().path("data.purchases");
            return list.stream().filter(p -> productId.equals(p.get("productId")) && status.equals(p.get("status")))
                    .findFirst().orElse(null);
        });
    }

    private static ValidatableResponse offer(User user, String productId) {
        return get(user.token(), "/api/users/purchases/" + productId + "/download");
    }

    private static String link(User user, String productId) {
        return offer(user, productId).statusCode(200).extract().path("data.downloadUrl");
    }

    /** Bought and paid: order.created then payment.success, as the order service publishes them. */
    private static String buy(User user, String productId, String name, String price) {
        String order = Users.orderId();
        publish("order.created", order, eventId(), Users.orderCreated(order, user.id(), item(productId, name, price)));
        publish("payment.success", order, eventId(), Users.paymentSuccess(order, user.id(), item(productId, name, price)));
        awaitPurchase(user, productId, "owned");
        return order;
    }

    @Test
    void orderCreatedIsPendingWithoutAccessAndPaymentSuccessMakesItOwnedWithALicenceKey() {
        User buyer = User.fresh();
        String product = Users.productId();
        String order = Users.orderId();
        publish("order.created", order, eventId(), Users.orderCreated(order, buyer.id(), item(product, "Lead bot", "12.50")));

        Map<String, Object> pending = awaitPurchase(buyer, product, "pending");
        assertEquals(order, pending.get("orderId"));
        assertEquals(null, pending.get("licenseKey"), "a pending purchase must not show its licence key");
        problem(offer(buyer, product), 403);

        publish("payment.success", order, eventId(), Users.paymentSuccess(order, buyer.id(), item(product, "Lead bot", "12.50")));
        Map<String, Object> owned = awaitPurchase(buyer, product, "owned");
        assertTrue(((String) owned.get("licenseKey")).matches("AM(-[A-Z2-9]{8}){4}"), "licence key " + owned.get("licenseKey"));
        assertEquals(owned.get("_id"), owned.get("purchaseId"));
        assertEquals(DOWNLOAD_LIMIT, ((Number) owned.get("downloadsRemaining")).intValue());

        // one entry per order line, however many events named it
        get(buyer.token(), "/api/users/purchases").statusCode(200).body("data.purchases", hasSize(1))
                .body("data.pagination.total", equalTo(1));
    }

    @Test
    void theDownloadWorksUpToTheLimitThenRefusesAndTheLicenceDocumentCarriesTheKey() {
        User buyer = User.fresh();
        String product = Users.productId();
        String order = buy(buyer, product, "Invoice flow", "30.00");
        String key = (String) awaitPurchase(buyer, product, "owned").get("licenseKey");

        for (int i = 1; i <= DOWNLOAD_LIMIT; i++) {
            ValidatableResponse o = offer(buyer, product).statusCode(200)
                    .body("data.downloadUrl", startsWith("/api/users/downloads/"))
                    .body("data.expiresAt", notNullValue()).body("data.licenseKey", equalTo(key))
                    .body("data.downloadsRemaining", equalTo(DOWNLOAD_LIMIT - i + 1));
            String url = o.extract().path("data.downloadUrl");
            // no bearer token: the signed link is the credential
            given().get(url).then().statusCode(200).contentType(containsString("text/plain"))
                    .header("Content-Disposition", containsString("invoice-flow-licence.txt"))
                    .body(containsString(key)).body(containsString(order)).body(containsString("Invoice flow"));
        }
        problem(offer(buyer, product), 403).body("message", containsString("limit"));
        get(buyer.token(), "/api/users/purchases").body("data.purchases[0].downloadCount", equalTo(DOWNLOAD_LIMIT))
                .body("data.purchases[0].downloadsRemaining", equalTo(0));
    }

    @Test
    void concurrentDownloadsThroughOneLinkAreCountedExactly() throws Exception {
        User buyer = User.fresh();
        String product = Users.productId();
        buy(buyer, product, "Parallel", "5.00");
        String url = link(buyer, product);
        int attempts = 12;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                calls.add(() -> given().get(url).statusCode());
            }
            int ok = 0;
            int refused = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                int status = f.get();
                if (status == 200) {
                    ok++;
                } else if (status == 403) {
                    refused++;
                }
            }
            assertEquals(DOWNLOAD_LIMIT, ok, "downloads delivered");
            assertEquals(attempts - DOWNLOAD_LIMIT, refused, "downloads refused");
        } finally {
            pool.shutdownNow();
        }
        get(buyer.token(), "/api/users/purchases").body("data.purchases[0].downloadCount",
                equalTo(DOWNLOAD_LIMIT));
    }

    @Test
    void aRefundRemovesAccessEvenThroughALinkIssuedBeforeAndARedeliveredPaymentDoesNotRestoreIt() {
        User buyer = User.fresh();
        String product = Users.productId();
        String order = Users.orderId();
        String paidId = eventId();
        String paid = Users.paymentSuccess(order, buyer.id(), item(product, "Refund me", "9.99"));
        publish("order.created", order, eventId(), Users.orderCreated(order, buyer.id(), item(product, "Refund me", "9.99")));
        publish("payment.success", order, paidId, paid);
        awaitPurchase(buyer, product, "owned");
        String url = link(buyer, product);

        publish("order.refunded", order, eventId(), Users.orderRefunded(order, buyer.id(), item(product, "Refund me", "9.99")));
        Map<String, Object> refunded = awaitPurchase(buyer, product, "refunded");
        assertEquals(null, refunded.get("licenseKey"));
        problem(offer(buyer, product), 403).body("message", containsString("refunded"));
        problem(given().get(url).then(), 403);

        // the payment event delivered again (same ce_id), then a marker on the same channel behind it
        String marker = Users.productId();
        publish("payment.success", order, paidId, paid);
        buy(buyer, marker, "Marker", "1.00");
        awaitPurchase(buyer, product, "refunded");
        problem(offer(buyer, product), 403);
    }

    @Test
    void aCancelledOrderGivesNoAccess() {
        User buyer = User.fresh();
        String product = Users.productId();
        String order = Users.orderId();
        publish("order.created", order, eventId(), Users.orderCreated(order, buyer.id(), item(product, "Cancelled", "3.00")));
        awaitPurchase(buyer, product, "pending");
        publish("order.cancelled", order, eventId(), Users.orderCancelled(order, buyer.id()));
        awaitPurchase(buyer, product, "cancelled");
        // a payment reported after the cancellation does not grant access either
        publish("payment.success", order, eventId(), Users.paymentSuccess(order, buyer.id(), item(product, "Cancelled", "3.00")));
        buy(buyer, Users.productId(), "Marker", "1.00");
        awaitPurchase(buyer, product, "cancelled");
        problem(offer(buyer, product), 403);
    }

    @Test
    void poisonRecordsAreSkippedWithoutStoppingTheChannel() {
        User buyer = User.fresh();
        String product = Users.productId();
        String order = Users.orderId();
        publish("payment.success", order, eventId(), "{not json");
        publish("payment.success", order, eventId(), "{\"orderId\":{\"$gt\":\"\"},\"userId\":\"" + buyer.id() + "\"}");
        publish("payment.success", order, eventId(), "{\"orderId\":\"" + order + "\",\"userId\":\"" + buyer.id()
                + "\",\"items\":[{\"productId\":{\"$ne\":null},\"quantity\":\"many\"}]}");
        publish("payment.success", order, eventId(), "[]");
        publish("payment.success", order, eventId(), Users.paymentSuccess(order, buyer.id(), item(product, "After poison", "2.00")));
        awaitPurchase(buyer, product, "owned");
    }

    @Test
    void nobodyDownloadsWhatTheyDidNotBuyAndLinksCannotBeForged() {
        User buyer = User.fresh();
        User other = User.fresh();
        String product = Users.productId();
        buy(buyer, product, "Mine", "4.00");
        problem(offer(other, product), 404);
        get(other.token(), "/api/users/purchases").statusCode(200).body("data.purchases", hasSize(0));

        String url = link(buyer, product);
        String token = url.substring(url.lastIndexOf('/') + 1);
        String body = token.substring(0, token.indexOf('.'));
        String mac = token.substring(token.indexOf('.') + 1);
        // another purchase id / user id in the signed part, the signature kept: refused
        String forgedBody = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("000000000000000000000000." + other.id() + "." + (System.currentTimeMillis() / 1000 + 600))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        problem(given().get("/api/users/downloads/" + forgedBody + "." + mac).then(), 403);
        String flipped = (mac.charAt(0) == 'A' ? "B" : "A") + mac.substring(1);
        problem(given().get("/api/users/downloads/" + body + "." + flipped).then(), 403);
        problem(given().get("/api/users/downloads/garbage").then(), 403);
        // the genuine link still works
        given().get(url).then().statusCode(200);
        // malformed ids are 400, not 500
        problem(Users.getRaw(buyer.token(), "/api/users/purchases/%7B%22%24gt%22%3A%22%22%7D/download"), 400);
        problem(offer(buyer, "not-an-id"), 400);
        problem(Users.getRaw(buyer.token(), "/api/users/purchases?status=%7B%22%24ne%22%3Anull%7D"), 400);
        problem(get(buyer.token(), "/api/users/purchases?limit=1000"), 400);
    }

    @Test
    void aProductWithADeliveryUrlIsDeliveredByRedirectToIt() {
        User buyer = User.fresh();
        String product = Users.productId();
        String file = "https://files.example.test/" + product + "/workflow.zip";
        publish("product.created", product, eventId(), Users.productEvent(product, "Hosted file", "15.00", "active", file));
        buy(buyer, product, "Hosted file", "15.00");
        Response delivered = Eventually.await("delivery by redirect", WAIT, () -> {
            Response r = given().get(link(buyer, product));
            return r.statusCode() == 302 ? r : null;
        });
        assertEquals(file, delivered.header("Location"));
        assertNotEquals(null, delivered.header("Cache-Control"));
    }

    @Test
    void theDashboardCountsPaidOrdersPurchasesAndSpendAndListsOwnedProductsWithTheirDownloadPaths() {
        User buyer = User.fresh();
        String a = Users.productId();
        String b = Users.productId();
        String c = Users.productId();
        String order = Users.orderId();
        publish("payment.success", order, eventId(), Users.paymentSuccess(order, buyer.id(),
                item(a, "A", "10.00"), item(b, "B", "2.50")));
        awaitPurchase(buyer, a, "owned");
        awaitPurchase(buyer, b, "owned");
        String pending = Users.orderId();
        publish("order.created", pending, eventId(), Users.orderCreated(pending, buyer.id(), item(c, "C", "99.00")));
        awaitPurchase(buyer, c, "pending");

        get(buyer.token(), "/api/users/dashboard").statusCode(200)
                .body("data.counts.orders", equalTo(1)).body("data.counts.purchases", equalTo(2))
                .body("data.counts.wishlist", equalTo(0)).body("data.counts.totalSpent", comparesEqualTo(new BigDecimal("12.50")))
                .body("data.ownedProducts.productId", hasItem(a)).body("data.ownedProducts", hasSize(2))
                .body("data.ownedProducts.downloadPath", hasItem("/api/users/purchases/" + b + "/download"))
                .body("data.recentPurchases", hasSize(3)).body("data.subscription", nullValue())
                .body("data.profile.userId", equalTo(buyer.id()));
        // the owned product's download path works as given
        String path = get(buyer.token(), "/api/users/dashboard").extract().path("data.ownedProducts[0].downloadPath");
        get(buyer.token(), path).statusCode(200).body("data.downloadUrl", matchesPattern("/api/users/downloads/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"));
    }
}
