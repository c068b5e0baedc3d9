package com.autopilotmonster.vendor.api;

import static com.autopilotmonster.vendor.api.VendorApi.as;
import static com.autopilotmonster.vendor.api.VendorApi.problem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.vendor.api.VendorApi.Seller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real marketplace server stopped: the vendor's product calls answer 503 problem+json within a few seconds
 * (reads: one retry, then the open circuit answers at once; writes are never retried), and work again once it is
 * back. The vendor's own money endpoints do not depend on the marketplace and keep answering.
 */
class MarketplaceOutageIT {

    static final long QUICK_MS = 4_000;

    @BeforeAll
    static void setUp() {
        VendorApi.target();
    }

    @Test
    void marketplaceDownIsA503QuicklyAndRecovers() throws Exception {
        Seller s = VendorApi.activeVendor("Outage vendor");
        as(s.token()).get("/api/vendors/products").then().statusCode(200);
        server("stop");
        try {
            for (int i = 0; i < 6; i++) {
                long start = System.nanoTime();
                problem(as(s.token()).get("/api/vendors/products").then(), 503).header("Retry-After", notNullValue());
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms < QUICK_MS, "503 after " + ms + " ms");
            }
            long start = System.nanoTime();
            problem(as(s.token()).body(VendorApi.productJson("During outage", "3.00")).post("/api/vendors/products").then(), 503);
            assertTrue((System.nanoTime() - start) / 1_000_000 < QUICK_MS);
            as(s.token()).get("/api/vendors/earnings").then().statusCode(200);
        } finally {
            server("start");
        }
        VendorApi.target();
        Eventually.await("products answer again", Duration.ofSeconds(60),
                () -> as(s.token()).get("/api/vendors/products").statusCode() == 200);
    }

    static void server(String action) throws Exception {
        Path home = Path.of(System.getProperty("liberty.install.dir"));
        Process process = new ProcessBuilder(home.resolve("bin/server").toString(), action, "marketplace")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroy();
            throw new IllegalStateException("server " + action + " marketplace did not finish");
        }
    }
}
