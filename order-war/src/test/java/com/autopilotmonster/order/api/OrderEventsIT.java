package com.autopilotmonster.order.api;

import static com.autopilotmonster.order.api.OrderFixtures.newUserId;
import static com.autopilotmonster.order.api.OrderFixtures.product;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.testsupport.Eventually;
import com.autopilotmonster.testsupport.KafkaTopicReader;
import com.autopilotmonster.testsupport.TestTokens;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * order.created (and payment.success) are part of the order document's own write: no second write can be lost
 * to a crash between the state change and the outbox.
 */
class OrderEventsIT {

    @BeforeAll
    static void servers() {
        OrderFixtures.servers();
    }

    private static MongoDatabase orders() {
        return OrderFixtures.db("order_db");
    }

    @Test
    void checkoutWritesItsEventInsideTheOrderNotInASeparateOutboxDocument() {
        String orderId = OrderFixtures.order(TestTokens.user(newUserId()), product("Event bot", 9, "active"), 1)
                .getString("data.orderId");
        KafkaTopicReader.awaitRecord("order.created", Duration.ofSeconds(30), e -> e.value().contains(orderId));
        assertEquals(0, orders().getCollection("outbox_events").countDocuments(Filters.eq("key", orderId)),
                "no separate outbox write that a crash could lose");
        Eventually.await("delivered event removed from the order", Duration.ofSeconds(10), () -> orders()
                .getCollection("orders").find(Filters.eq("orderId", orderId)).first()
                .getList("outbox", Document.class, List.of()).isEmpty());
    }

    @Test
    void anOrderLeftByAProcessThatDiedRightAfterItsInsertStillAnnouncesItself() {
        // exactly what the checkout's one insert leaves when the process is killed before doing anything else
        String orderId = "AM-CRASH-" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = UUID.randomUUID().toString();
        Date now = new Date();
        orders().getCollection("orders").insertOne(new Document("_id", new ObjectId()).append("orderId", orderId)
                .append("userId", newUserId()).append("status", "pending").append("paymentStatus", "pending")
                .append("items", List.of()).append("subtotal", "0.00").append("tax", "0.00").append("total", "0.00")
                .append("currency", "USD").append("createdAt", now).append("updatedAt", now)
                .append("outbox", List.of(new Document("_id", eventId).append("topic", "order.created")
                        .append("key", orderId).append("type", "order.created").append("source", "/order")
                        .append("time", now).append("payload", "{\"orderId\":\"" + orderId + "\"}"))));
        try {
            KafkaTopicReader.Event event = KafkaTopicReader.awaitRecord("order.created", Duration.ofSeconds(30),
                    e -> eventId.equals(e.headers().get("ce_id")));
            assertEquals(orderId, event.key());
            assertEquals("/order", event.headers().get("ce_source"));
            // and only once, although nothing woke the relay: it found the event by scanning the orders
            Eventually.await("delivered event removed from the order", Duration.ofSeconds(10), () -> orders()
                    .getCollection("orders").find(Filters.eq("orderId", orderId)).first()
                    .getList("outbox", Document.class, List.of()).isEmpty());
            assertEquals(1, OrderFixtures.countRecords("order.created", Duration.ofSeconds(3), v -> v.contains(orderId)));
        } finally {
            orders().getCollection("orders").deleteOne(Filters.eq("orderId", orderId));
        }
    }
}
