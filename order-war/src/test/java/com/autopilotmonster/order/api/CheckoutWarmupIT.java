package com.autopilotmonster.order.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.testsupport.ServerLog;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order server took a checkout's first steps while it started (CheckoutWarmup, through the real marketplace and
 * cart servers), all the way, and changed nothing: no order holds the product that cannot exist.
 */
class CheckoutWarmupIT {

    @BeforeAll
    static void servers() {
        OrderFixtures.servers();
    }

    @Test
    void theCheckoutPathWasWarmedAllTheWayAtStartUp() throws Exception {
        ServerLog.assertWarmedUp("order-it", "checkout");
    }

    /** common-ejb's warm-up of the readiness checks, which every service runs: the first probe asks nothing inline. */
    @Test
    void theReadinessChecksWereAskedAtStartUp() throws Exception {
        ServerLog.assertWarmedUp("order-it", "readiness");
    }

    @Test
    void theWarmupChangedNothing() {
        Document noProduct = new Document("items.productId", "000000000000000000000000");
        assertEquals(0, OrderFixtures.db("order_db").getCollection("orders").countDocuments(noProduct));
    }
}
