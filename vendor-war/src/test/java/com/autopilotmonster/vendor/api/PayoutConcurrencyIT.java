package com.autopilotmonster.vendor.api;

import static com.autopilotmonster.vendor.api.VendorApi.as;
import static com.autopilotmonster.vendor.api.VendorApi.awaitTotals;
import static com.autopilotmonster.vendor.api.VendorApi.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.vendor.api.VendorApi.Line;
import com.autopilotmonster.vendor.api.VendorApi.Seller;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 20 payout requests of 10.00 at the same moment against 95.00 available: exactly 9 are accepted, 11 refused
 * (422), 5.00 stays available - the store's conditional update decides, never a read followed by a write.
 */
class PayoutConcurrencyIT {

    @BeforeAll
    static void setUp() {
        VendorApi.target();
    }

    @Test
    void twentyConcurrentPayoutsNeverOverdraw() throws Exception {
        VendorApi.pinSettings("0.20", "10.00", 0);
        try {
            Seller s = VendorApi.activeVendor("Concurrent vendor");
            // gross 118.75 -> commission 23.75 -> net 95.00
            VendorApi.sale("ord_" + UUID.randomUUID(), List.of(new Line("p-conc", s.id(), "118.75", 1)));
            awaitTotals(s, "95.00 available", t -> same(t.get("available"), new BigDecimal("95.00")));

            int requests = 20;
            ExecutorService pool = Executors.newFixedThreadPool(requests);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(s.token()).body("{\"amount\":10.00}").post("/api/vendors/payouts").statusCode();
                }));
            }
            start.countDown();
            int accepted = 0;
            int refused = 0;
            for (Future<Integer> f : answers) {
                int status = f.get(60, TimeUnit.SECONDS);
                if (status == 201) {
                    accepted++;
                } else if (status == 422) {
                    refused++;
                } else {
                    throw new AssertionError("unexpected status " + status);
                }
            }
            pool.shutdown();
            assertEquals(9, accepted, "accepted");
            assertEquals(11, refused, "refused");
            Map<String, BigDecimal> t = VendorApi.totals(s);
            assertTrue(same(t.get("available"), new BigDecimal("5.00")), t.toString());
            assertTrue(same(t.get("inFlight"), new BigDecimal("90.00")), t.toString());
            List<Object> payouts = as(s.token()).get("/api/vendors/payouts?limit=100").then().statusCode(200)
                    .extract().path("data.payouts");
            assertEquals(9, payouts.size());
        } finally {
            VendorApi.pinSettings("0.20", "10.00", EarningsAndPayoutsIT.HOLDING_SECONDS);
        }
    }
}
