package com.autopilotmonster.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay against the in-memory Mongo-wire store and a mock broker. */
class OutboxRelayTest {

    /** A broker that refuses records of the topic "too.large" as RecordTooLarge, or every record while down. */
    static class Broker extends MockProducer<String, String> {
        volatile boolean down;

        Broker() {
            super(true, null, new StringSerializer(), new StringSerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
            if (down) {
                return CompletableFuture.failedFuture(new TimeoutException("broker away"));
            }
            if (record.topic().equals("too.large")) {
                return CompletableFuture.failedFuture(new RecordTooLargeException("record is 2 MB"));
            }
            return super.send(record);
        }
    }

    private InMemoryStore store;
    private Broker broker;

    @BeforeEach
    void start() {
        store = new InMemoryStore();
        broker = new Broker();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private OutboxRelay relay() {
        OutboxRelay relay = new OutboxRelay();
        relay.database = store.database;
        relay.producer = broker;
        relay.sendTimeoutMs = 1000;
        relay.enabled = false; // no scheduler in a unit test: drain() is called directly
        relay.embeddedCollections = Optional.of("orders");
        return relay;
    }

    private EventPublisher publisher(OutboxRelay relay) {
        EventPublisher publisher = new EventPublisher();
        publisher.database = store.database;
        publisher.relay = relay;
        publisher.serviceName = "order-service";
        // JSON-B needs the server's provider; a flat map of strings/numbers is written the same way
        publisher.json = payload -> ((Map<?, ?>) payload).entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof String v ? "\"" + v + "\"" : e.getValue()))
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        return publisher;
    }

    private static Map<String, String> headers(ProducerRecord<String, String> record) {
        Map<String, String> headers = new java.util.HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    @Test
    void theStateWriteAloneCarriesItsEvent() {
        // the order and its order.created are one insert; the process then "dies": nothing else is written
        Document order = new Document("_id", "o-1").append("orderId", "ORD-1").append("status", "pending");
        String eventId = publisher(relay()).embed(order, "order.created", "ORD-1", Map.of("orderId", "ORD-1"));
        store.database.getCollection("orders").insertOne(order);
        assertEquals(0, store.database.getCollection(OutboxEvent.COLLECTION).countDocuments());

        // a fresh relay (the restarted process) finds the event in the order and delivers it
        assertEquals(1, relay().drain());
        ProducerRecord<String, String> sent = broker.history().get(0);
        assertEquals("order.created", sent.topic());
        assertEquals("ORD-1", sent.key());
        assertEquals("{\"orderId\":\"ORD-1\"}", sent.value());
        assertEquals(eventId, headers(sent).get("ce_id"));
        assertEquals("/order-service", headers(sent).get("ce_source"));
        Document after = store.database.getCollection("orders").find(Filters.eq("_id", "o-1")).first();
        assertTrue(after.getList("outbox", Document.class).isEmpty(), "delivered events leave the document");
        assertEquals("pending", after.getString("status"));
        assertEquals(0, relay().drain(), "nothing is sent twice");
    }

    @Test
    void anEventPushedByAnUpdateIsDelivered() {
        store.database.getCollection("orders").insertOne(new Document("_id", "o-2").append("status", "pending"));
        EventPublisher publisher = publisher(relay());
        store.database.getCollection("orders").updateOne(Filters.eq("_id", "o-2"), com.mongodb.client.model.Updates
                .combine(com.mongodb.client.model.Updates.set("status", "completed"),
                        publisher.push("payment.success", "ORD-2", Map.of("orderId", "ORD-2"))));
        assertEquals(1, relay().drain());
        assertEquals("payment.success", broker.history().get(0).topic());
    }

    @Test
    void aPoisonEventIsParkedAndTheRestKeepsFlowing() {
        OutboxRelay relay = relay();
        EventPublisher publisher = publisher(relay);
        publisher.publish("too.large", "k", Map.of("blob", "x"));
        String good = publisher.publish("user.registered", "u-1", Map.of("userId", "u-1"));
        Document order = new Document("_id", "o-3");
        publisher.embed(order, "too.large", "ORD-3", Map.of("blob", "y"));
        publisher.embed(order, "order.created", "ORD-3", Map.of("orderId", "ORD-3"));
        store.database.getCollection("orders").insertOne(order);

        assertEquals(2, relay.drain());
        assertEquals(List.of("user.registered", "order.created"),
                broker.history().stream().map(ProducerRecord::topic).toList());
        assertEquals(good, headers(broker.history().get(0)).get("ce_id"));
        List<Document> dead = store.database.getCollection(OutboxEvent.DEAD_COLLECTION).find()
                .into(new java.util.ArrayList<>());
        assertEquals(2, dead.size());
        assertTrue(dead.stream().allMatch(d -> d.getString("error").contains("RecordTooLargeException")), dead.toString());
        assertEquals(0, relay.pending());
        assertEquals(0, relay.status().pending());
    }

    @Test
    void whileTheBrokerIsAwayEventsWaitInOrderAndTheStallIsReported() {
        OutboxRelay relay = relay();
        EventPublisher publisher = publisher(relay);
        publisher.publish("user.registered", "u-1", Map.of("n", 1));
        publisher.publish("user.registered", "u-1", Map.of("n", 2));
        broker.down = true;
        assertEquals(0, relay.drain());
        assertEquals(2, relay.status().pending());
        assertNotNull(relay.status().oldestUnsentAge());
        assertTrue(relay.status().lastError().contains("broker away"), relay.status().lastError());
        assertEquals(0, store.database.getCollection(OutboxEvent.DEAD_COLLECTION).countDocuments(),
                "an outage parks nothing");

        broker.down = false;
        assertEquals(2, relay.drain());
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), broker.history().stream().map(ProducerRecord::value).toList());
        assertNull(relay.status().oldestUnsentAge());
        assertFalse(store.database.getCollection(OutboxEvent.COLLECTION).find(Filters.eq("status", "SENT")).first()
                .getDate("sentAt") == null, "sentAt set: the retention index expires sent events by it");
    }

    @Test
    void sentEventsAndProcessedMarkersExpire() {
        EventIndexes indexes = new EventIndexes();
        indexes.enabled = true;
        indexes.outboxRetentionSeconds = 3600;
        indexes.processedRetentionSeconds = 7200;
        indexes.embeddedCollections = Optional.of("orders");
        new com.autopilotmonster.common.data.IndexContributor() {
            @Override
            public Map<String, List<com.mongodb.client.model.IndexModel>> indexes() {
                return indexes.indexes();
            }
        }.indexes().forEach((collection, models) -> store.database.getCollection(collection).createIndexes(models));
        assertEquals(3600L, ttl(OutboxEvent.COLLECTION, "sentAt"));
        assertEquals(7200L, ttl(IdempotentConsumer.COLLECTION, "at"));
    }

    private Long ttl(String collection, String field) {
        for (Document index : store.database.getCollection(collection).listIndexes()) {
            Document key = index.get("key", Document.class);
            if (key.size() == 1 && key.containsKey(field)) {
                return ((Number) index.get("expireAfterSeconds")).longValue();
            }
        }
        return null;
    }

    @Test
    void anIdleRelaySweepsOnlyEveryIdleIntervalButAWaitingEventIsRetriedAtEveryTick() {
        OutboxRelay relay = relay();
        relay.idleSweepMs = 60_000;
        EventPublisher publisher = publisher(relay);
        relay.poll(); // the first tick always drains (leftovers of a previous run)
        publisher.publish("user.registered", "u-1", Map.of("userId", "u-1"));
        relay.poll(); // idle, within the sweep interval: no query (the write's own wake-up delivers it)
        assertEquals(0, broker.history().size(), "an idle relay does not scan at every tick");
        relay.drain(); // what the write's wake-up does
        assertEquals(1, broker.history().size());

        broker.down = true;
        publisher.publish("user.registered", "u-2", Map.of("userId", "u-2"));
        relay.drain(); // broker away: the event waits
        broker.down = false;
        relay.poll(); // something waits: the next tick drains at once, not after the idle interval
        assertEquals(2, broker.history().size(), "a waiting event goes out at the next tick");
    }

    @Test
    void aWakeUpDuringADrainMakesItDrainAgain() throws Exception {
        OutboxRelay relay = relay();
        EventPublisher publisher = publisher(relay);
        // the broker takes the first record slowly; meanwhile a second event is written and its wake-up arrives
        java.util.concurrent.CountDownLatch sending = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        relay.producer = new Broker() {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
                if (sending.getCount() > 0) {
                    sending.countDown();
                    try {
                        written.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.send(record);
            }
        };
        publisher.publish("user.registered", "u-1", Map.of("userId", "u-1"));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(relay::drain);
        sending.await();
        String second = publisher.publish("user.registered", "u-2", Map.of("userId", "u-2"));
        relay.enabled = true; // the wake-up only flags the running drain here: its scheduler call fails without one
        try {
            relay.wakeUp(OutboxEvent.COLLECTION, second);
        } catch (NullPointerException noSchedulerInAUnitTest) {
            // the flag is set before the scheduler is asked
        }
        assertEquals(0, relay.drain(), "a second drain does not run beside the first");
        written.countDown();
        assertEquals(2, first.get(), "the running drain went round again for the event written during it");
    }

    @Test
    void aHintedWriteIsSentByIdWithoutSweepingTheCollections() {
        OutboxRelay relay = relay();
        relay.enabled = true;
        // the scheduler runs each task at once, on the caller's thread
        relay.scheduler = (jakarta.enterprise.concurrent.ManagedScheduledExecutorService) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {jakarta.enterprise.concurrent.ManagedScheduledExecutorService.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("execute")) {
                                ((Runnable) args[0]).run();
                            }
                            return null;
                        });
        EventPublisher publisher = publisher(relay);
        relay.drain(); // the start's sweep
        // another instance's order with an event it did not relay (no hint here): left to the next sweep
        Document leftover = new Document("_id", "o-left");
        publisher.embed(leftover, "order.created", "ORD-L", Map.of("orderId", "ORD-L"));
        store.database.getCollection("orders").insertOne(leftover);

        Document order = new Document("_id", "o-4");
        publisher.embed(order, "order.created", "ORD-4", Map.of("orderId", "ORD-4"));
        store.database.getCollection("orders").insertOne(order);
        publisher.written("orders", "o-4");
        String published = publisher.publish("user.registered", "u-4", Map.of("userId", "u-4"));

        assertEquals(List.of("order.created", "user.registered"),
                broker.history().stream().map(ProducerRecord::topic).toList(), "the hinted documents only");
        assertEquals("ORD-4", broker.history().get(0).key());
        assertEquals(published, headers(broker.history().get(1)).get("ce_id"));
        assertEquals(OutboxEvent.SENT, store.database.getCollection(OutboxEvent.COLLECTION)
                .find(Filters.eq("_id", published)).first().getString("status"));

        relay.drain(); // a sweep finds the leftover
        assertEquals("ORD-L", broker.history().get(2).key());
        assertEquals(3, broker.history().size(), "nothing is sent twice");
    }
}
