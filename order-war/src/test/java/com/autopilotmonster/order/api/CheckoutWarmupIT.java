package com.autopilotmonster.order.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order server took a checkout's first steps while it started (CheckoutWarmup, through the real marketplace and
 * cart servers), all the way, and changed nothing: no order holds the product that cannot exist.
 */
class CheckoutWarmupIT {

    private static final Path LOG = Path.of(System.getProperty("liberty.install.dir", "../target/liberty/wlp"),
            "usr", "servers", "order-it", "logs", "messages.log");

    @BeforeAll
    static void servers() {
        OrderFixtures.servers();
    }

    @Test
    void theCheckoutPathWasWarmedAllTheWayAtStartUp() throws Exception {
        String log = Files.readString(LOG);
        assertTrue(Pattern.compile("warmed up in \\d+ ms: checkout \\d+ ms").matcher(log).find(),
                "the start-up warm-up's line in " + LOG);
        assertFalse(log.contains("warm-up checkout stopped early"), "the warm-up reached the marketplace and the cart");
    }

    @Test
    void theWarmupChangedNothing() {
        Document noProduct = new Document("items.productId", "000000000000000000000000");
        assertEquals(0, OrderFixtures.db("order_db").getCollection("orders").countDocuments(noProduct));
    }
}
