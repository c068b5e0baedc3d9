package com.autopilotmonster.marketplace.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.autopilotmonster.infra.Infra;
import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.ServiceUnderTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Mongo-wire store stopped under the running marketplace: catalog reads answer 503 problem+json with
 * Retry-After within the short server-selection bound (1 s by default, {@code mongodb.timeout-ms} and the URI's
 * {@code serverSelectionTimeoutMS}), never a 500 or a hang; the store is started again and the service is ready
 * before the test ends, so the module's other tests find everything as before.
 */
class StoreOutageIT {

    private static final String PRODUCTS = "/api/marketplace/products";
    /** The server selection bound is 1 s; well under the 3 s the old default took, with room for a slow machine. */
    private static final long FAST_MS = 2_500;

    @BeforeAll
    static void target() {
        ServiceUnderTest.target(4003);
    }

    @Test
    void catalogReadsDuringAStoreOutageAreFast503s() {
        assumeTrue(Infra.isOwned("mongo"), "the Mongo-wire store is not run by this build; cannot stop it");
        given().get("/health/ready").then().statusCode(200);
        Infra.stop("mongo");
        try {
            // never cached (a query nobody asked before), so each needs the store
            assertFastOutage(PRODUCTS + "?q=outage-" + UUID.randomUUID());
            assertFastOutage(PRODUCTS + "/" + Catalog.newId());
            assertFastOutage(PRODUCTS + "?q=outage-again-" + UUID.randomUUID());
        } finally {
            Infra.start("mongo");
            Eventually.await("the marketplace is ready again after the store returned", Duration.ofSeconds(60),
                    () -> given().get("/health/ready").statusCode() == 200);
        }
        given().get(PRODUCTS + "?q=after-" + UUID.randomUUID()).then().statusCode(200);
    }

    private static void assertFastOutage(String path) {
        long started = System.nanoTime();
        Response response = given().get(path);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        response.then().statusCode(503).contentType(containsString("application/problem+json"))
                .header("Retry-After", notNullValue()).body("success", equalTo(false))
                .body("detail", containsString("database"));
        assertTrue(tookMs < FAST_MS, path + " answered in " + tookMs + " ms");
    }
}
