package com.autopilotmonster.vendor.api;

import static com.autopilotmonster.vendor.api.VendorApi.admin;
import static com.autopilotmonster.vendor.api.VendorApi.as;
import static com.autopilotmonster.vendor.api.VendorApi.awaitTotals;
import static com.autopilotmonster.vendor.api.VendorApi.net;
import static com.autopilotmonster.vendor.api.VendorApi.problem;
import static com.autopilotmonster.vendor.api.VendorApi.same;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.vendor.api.VendorApi.Line;
import com.autopilotmonster.vendor.api.VendorApi.Seller;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The money path on the real vendor-it server (holding period counted in seconds there): a sale published to
 * Kafka as payment.success credits the net amount as pending, then available; a payout is requested, approved and
 * paid (sandbox transfer); a refund after the payout leaves an explicit negative balance; a redelivered event
 * counts once; a new commission rate from settings.updated applies to the next sale without a restart.
 */
class EarningsAndPayoutsIT {

    static final String RATE = "0.20";
    static final int HOLDING_SECONDS = 4;

    @BeforeAll
    static void setUp() {
        VendorApi.target();
        VendorApi.pinSettings(RATE, "10.00", HOLDING_SECONDS);
    }

    /** lifetime = pending + available + inFlight + paidOut, always. */
    static void balanced(Map<String, BigDecimal> t) {
        BigDecimal sum = t.get("pending").add(t.get("available")).add(t.get("inFlight")).add(t.get("paidOut"));
        assertTrue(same(t.get("lifetime"), sum), "lifetime equals its parts: " + t);
    }

    @Test
    void saleIsPendingThenAvailableThenPaidOutAndARefundAfterThePayoutGoesNegative() {
        Seller s = VendorApi.activeVendor("Money vendor");
        String productId = VendorApi.createProduct(s, "Money " + UUID.randomUUID(), "49.99");
        VendorApi.setProductStatus(productId, "active").statusCode(200);
        String orderId = "ord_" + UUID.randomUUID();
        List<Line> lines = List.of(new Line(productId, s.id(), "49.99", 2));
        BigDecimal expected = net("49.99", 2, RATE); // 99.98 - 20.00 = 79.98
        assertTrue(same(new BigDecimal("79.98"), expected));

        long sold = System.nanoTime();
        String eventId = VendorApi.sale(orderId, lines);
        Map<String, BigDecimal> pending = awaitTotals(s, "sale pending", t -> same(t.get("lifetime"), expected));
        long seenMs = (System.nanoTime() - sold) / 1_000_000;
        if (seenMs < (HOLDING_SECONDS - 1) * 1000L) {
            // seen within the holding period: it must still be pending, not available
            assertTrue(same(pending.get("pending"), expected) || same(pending.get("available"), expected), pending.toString());
        }
        as(s.token()).get("/api/vendors/earnings").then().statusCode(200)
                .body("data.entries[0].orderId", equalTo(orderId)).body("data.entries[0].eventId", equalTo(eventId))
                .body("data.entries[0].type", equalTo("sale")).body("data.entries[0].commissionRate", equalTo(RATE));

        Map<String, BigDecimal> available = awaitTotals(s, "sale available after the holding period",
                t -> same(t.get("available"), expected) && same(t.get("pending"), BigDecimal.ZERO));
        balanced(available);
        // the web client's VendorEarnings (main currency) and VendorProduct.revenue (gross sales of the product)
        as(s.token()).get("/api/vendors/earnings").then().body("data.currency", equalTo("USD"))
                .body("data.availableBalance", comparesEqualTo(expected)).body("data.pendingClearance", comparesEqualTo(BigDecimal.ZERO))
                .body("data.lifetimeEarnings", comparesEqualTo(expected)).body("data.nextPayoutDate", nullValue())
                .body("data.lastPayoutDate", nullValue());
        as(s.token()).get("/api/vendors/products/" + productId).then().statusCode(200)
                .body("data.id", equalTo(productId)).body("data.revenue", comparesEqualTo(new BigDecimal("99.98")));

        // the same event again (redelivery): one effect
        VendorApi.publish("payment.success", orderId, eventId, VendorApi.orderPayload(orderId, lines));
        Eventually.sleep(3000);
        assertTrue(same(VendorApi.totals(s).get("lifetime"), expected), "redelivered sale counted once");

        // payout rules: minimum, at most available
        problem(as(s.token()).body("{\"amount\":9.99}").post("/api/vendors/payouts").then(), 422);
        problem(as(s.token()).body("{\"amount\":79.99}").post("/api/vendors/payouts").then(), 422);
        String payoutId = as(s.token()).body("{\"amount\":50.00}").post("/api/vendors/payouts").then().statusCode(201)
                .body("data.status", equalTo("requested")).body("data.amount", comparesEqualTo(new BigDecimal("50.00")))
                .extract().path("data.payoutId");
        Map<String, BigDecimal> requested = VendorApi.totals(s);
        assertTrue(same(requested.get("available"), new BigDecimal("29.98")), requested.toString());
        assertTrue(same(requested.get("inFlight"), new BigDecimal("50.00")), requested.toString());
        balanced(requested);
        problem(admin("POST", "/payouts/" + payoutId + "/paid", null), 409); // not approved yet
        admin("GET", "/payouts?status=requested", null).statusCode(200).body("data.payouts.payoutId", hasItem(payoutId));
        admin("POST", "/payouts/" + payoutId + "/approve", null).statusCode(200).body("data.status", equalTo("approved"));
        StripeStub.transfersSucceed(VendorApi.account(s), "tr_it_" + payoutId);
        admin("POST", "/payouts/" + payoutId + "/paid", null).statusCode(200).body("data.status", equalTo("paid"))
                .body("data.transferId", equalTo("tr_it_" + payoutId));
        // one Stripe Connect transfer of 5000 cents to the vendor's account, idempotent on the payout id
        var transfers = StripeStub.transfersTo(VendorApi.account(s));
        assertEquals(1, transfers.size());
        assertTrue(transfers.get(0).getBodyAsString().contains("amount=5000"), transfers.get(0).getBodyAsString());
        assertEquals("payout-" + payoutId, transfers.get(0).getHeader("Idempotency-Key"));
        problem(admin("POST", "/payouts/" + payoutId + "/reject", "{\"reason\":\"late\"}"), 409);
        as(s.token()).get("/api/vendors/payouts").then().statusCode(200).body("data.payouts[0].payoutId", equalTo(payoutId))
                .body("data.payouts[0].status", equalTo("paid"));
        KafkaTopicReader.awaitRecord("payout.paid", Duration.ofSeconds(30), e -> e.value().contains(payoutId));
        as(s.token()).get("/api/vendors/earnings").then().body("data.lastPayoutDate", notNullValue())
                .body("data.availableBalance", comparesEqualTo(new BigDecimal("29.98")));
        Map<String, BigDecimal> paid = VendorApi.totals(s);
        assertTrue(same(paid.get("paidOut"), new BigDecimal("50.00")) && same(paid.get("inFlight"), BigDecimal.ZERO), paid.toString());
        balanced(paid);

        // the whole order refunded after the payout: 79.98 debited from 29.98 -> -50.00, explicit
        VendorApi.refund(orderId, lines);
        Map<String, BigDecimal> refunded = awaitTotals(s, "refund debited",
                t -> same(t.get("available"), new BigDecimal("-50.00")));
        assertTrue(same(refunded.get("lifetime"), BigDecimal.ZERO), refunded.toString());
        balanced(refunded);
        as(s.token()).get("/api/vendors/earnings").then().body("data.totals[0].negativeBalance", equalTo(true))
                .body("data.entries[0].type", equalTo("refund")).body("data.entries[0].net", comparesEqualTo(new BigDecimal("-79.98")));
        problem(as(s.token()).body("{\"amount\":10.00}").post("/api/vendors/payouts").then(), 422);
        as(s.token()).get("/api/vendors/products").then().statusCode(200)
                .body("data.products.find { it.id == '" + productId + "' }.revenue", comparesEqualTo(BigDecimal.ZERO));
    }

    @Test
    void aRefundBeforeTheMoneyIsAvailableReversesTheSaleAndARejectedPayoutReturnsTheMoney() {
        VendorApi.pinSettings(RATE, "10.00", 30); // long enough for the refund to find the credit pending
        Seller s = VendorApi.activeVendor("Refund vendor");
        String orderId = "ord_" + UUID.randomUUID();
        List<Line> lines = List.of(new Line("p" + UUID.randomUUID().toString().substring(0, 8), s.id(), "25.00", 1));
        VendorApi.sale(orderId, lines);
        awaitTotals(s, "pending 20.00", t -> same(t.get("pending"), new BigDecimal("20.00")));
        as(s.token()).get("/api/vendors/earnings").then().body("data.pendingClearance", comparesEqualTo(new BigDecimal("20.00")))
                .body("data.availableBalance", comparesEqualTo(BigDecimal.ZERO))
                .body("data.lifetimeEarnings", comparesEqualTo(new BigDecimal("20.00")))
                .body("data.nextPayoutDate", notNullValue()).body("data.lastPayoutDate", nullValue());
        VendorApi.refund(orderId, lines);
        Map<String, BigDecimal> t = awaitTotals(s, "reversed", x -> same(x.get("lifetime"), BigDecimal.ZERO)
                && same(x.get("pending"), BigDecimal.ZERO));
        assertTrue(same(t.get("available"), BigDecimal.ZERO), t.toString());
        as(s.token()).get("/api/vendors/earnings").then().body("data.entries.state", hasItem("reversed"));
        VendorApi.pinSettings(RATE, "10.00", 0); // available at once

        VendorApi.sale("ord_" + UUID.randomUUID(), List.of(new Line("p-rej", s.id(), "30.00", 1)));
        awaitTotals(s, "available 24.00", x -> same(x.get("available"), new BigDecimal("24.00")));
        String payoutId = as(s.token()).body("{\"amount\":24.00,\"currency\":\"usd\"}").post("/api/vendors/payouts").then()
                .statusCode(201).body("data.currency", equalTo("USD")).extract().path("data.payoutId");
        assertTrue(same(VendorApi.totals(s).get("available"), BigDecimal.ZERO));
        problem(admin("POST", "/payouts/" + payoutId + "/reject", "{}"), 400);
        admin("POST", "/payouts/" + payoutId + "/reject", "{\"reason\":\"verify your bank\"}").statusCode(200)
                .body("data.status", equalTo("rejected")).body("data.reason", equalTo("verify your bank"));
        Map<String, BigDecimal> back = VendorApi.totals(s);
        assertTrue(same(back.get("available"), new BigDecimal("24.00")) && same(back.get("inFlight"), BigDecimal.ZERO), back.toString());
        balanced(back);
        KafkaTopicReader.awaitRecord("payout.rejected", Duration.ofSeconds(30), e -> e.value().contains(payoutId));
        VendorApi.pinSettings(RATE, "10.00", HOLDING_SECONDS);
    }

    @Test
    void aFailedStripeTransferReturnsTheMoneyToAvailable() {
        VendorApi.pinSettings(RATE, "10.00", 0);
        try {
            Seller s = VendorApi.activeVendor("Failing transfer vendor");
            StripeStub.transfersRefused(VendorApi.account(s));
            VendorApi.sale("ord_" + UUID.randomUUID(), List.of(new Line("p-fail", s.id(), "25.00", 1)));
            awaitTotals(s, "available 20.00", x -> same(x.get("available"), new BigDecimal("20.00")));
            String payoutId = as(s.token()).body("{\"amount\":20.00}").post("/api/vendors/payouts").then().statusCode(201)
                    .extract().path("data.payoutId");
            admin("POST", "/payouts/" + payoutId + "/approve", null).statusCode(200);
            problem(admin("POST", "/payouts/" + payoutId + "/paid", null), 502);
            admin("GET", "/payouts?status=failed&vendorId=" + s.id(), null).statusCode(200)
                    .body("data.payouts.payoutId", hasItem(payoutId));
            Map<String, BigDecimal> t = VendorApi.totals(s);
            assertTrue(same(t.get("available"), new BigDecimal("20.00")) && same(t.get("inFlight"), BigDecimal.ZERO)
                    && same(t.get("paidOut"), BigDecimal.ZERO), t.toString());
            balanced(t);
            problem(admin("POST", "/payouts/" + payoutId + "/paid", null), 409);
            assertEquals(1, StripeStub.transfersTo(VendorApi.account(s)).size());
        } finally {
            VendorApi.pinSettings(RATE, "10.00", HOLDING_SECONDS);
        }
    }

    @Test
    void aNewCommissionRateAppliesToTheNextSaleWithoutARestart() {
        Seller s = VendorApi.activeVendor("Rate vendor");
        VendorApi.pinSettings("0.15", "10.00", HOLDING_SECONDS);
        try {
            VendorApi.sale("ord_" + UUID.randomUUID(), List.of(new Line("p-rate", s.id(), "10.00", 3)));
            // 30.00 - 4.50 = 25.50
            awaitTotals(s, "credited at 15 %", t -> same(t.get("lifetime"), new BigDecimal("25.50")));
            as(s.token()).get("/api/vendors/earnings").then().body("data.entries[0].commissionRate", equalTo("0.15"))
                    .body("data.entries[0].commission", comparesEqualTo(new BigDecimal("4.50")));
        } finally {
            VendorApi.pinSettings(RATE, "10.00", HOLDING_SECONDS);
        }
    }

    @Test
    void analyticsCountSalesUnitsAndRevenuePerProductAndPeriod() {
        VendorApi.pinSettings(RATE, "10.00", HOLDING_SECONDS);
        Seller s = VendorApi.activeVendor("Analytics vendor");
        VendorApi.sale("ord_" + UUID.randomUUID(), List.of(new Line("p-a", s.id(), "10.00", 2), new Line("p-b", s.id(), "5.00", 1)));
        VendorApi.sale("ord_" + UUID.randomUUID(), List.of(new Line("p-a", s.id(), "10.00", 1),
                new Line("p-other-vendor", "someone-else", "99.00", 1)));
        // 40 days ago: outside the default period, the month before the last 30 days for the headline's growth
        String old = "ord_" + UUID.randomUUID();
        VendorApi.publish("payment.success", old, UUID.randomUUID().toString(), VendorApi.orderPayload(old,
                List.of(new Line("p-a", s.id(), "10.00", 1))).replaceFirst("\"timestamp\":\"[^\"]+\"",
                "\"timestamp\":\"" + java.time.Instant.now().minus(Duration.ofDays(40)) + "\""));
        awaitTotals(s, "three sales", t -> same(t.get("lifetime"), net("10.00", 2, RATE).add(net("5.00", 1, RATE))
                .add(net("10.00", 1, RATE)).add(net("10.00", 1, RATE))));
        ValidatableResponse a = as(s.token()).get("/api/vendors/analytics?granularity=day").then().statusCode(200)
                .body("data.salesCount", equalTo(3)).body("data.ordersCount", equalTo(2))
                .body("data.unitsSold", equalTo(4)).body("data.revenue", comparesEqualTo(new BigDecimal("35.00")))
                .body("data.topProducts[0].productId", equalTo("p-a"))
                .body("data.topProducts[0].units", equalTo(3))
                .body("data.topProducts[0].revenue", comparesEqualTo(new BigDecimal("30.00")));
        // the web client's VendorAnalytics: all time, and the last 30 days against the 30 before (10.00, 1 unit)
        a.body("data.totalRevenue", comparesEqualTo(new BigDecimal("45.00"))).body("data.totalDownloads", equalTo(5))
                .body("data.totalProducts", equalTo(0)).body("data.averageRating", comparesEqualTo(BigDecimal.ZERO))
                .body("data.monthlyRevenue", comparesEqualTo(new BigDecimal("35.00"))).body("data.monthlyDownloads", equalTo(4))
                .body("data.revenueGrowth", comparesEqualTo(new BigDecimal("250.0")))
                .body("data.downloadsGrowth", comparesEqualTo(new BigDecimal("300.0")));
        List<Map<String, Object>> series = a.extract().path("data.series");
        assertEquals("3", String.valueOf(series.get(series.size() - 1).get("sales")), series.toString());
        as(s.token()).get("/api/vendors/analytics?granularity=month&from=2026-01-01").then().statusCode(200)
                .body("data.granularity", equalTo("month"));
    }
}
