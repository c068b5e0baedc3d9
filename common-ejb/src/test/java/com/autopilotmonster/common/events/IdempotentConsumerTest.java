package com.autopilotmonster.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The idempotent consumer against the in-memory Mongo-wire store. */
class IdempotentConsumerTest {

    /** What a process that dies in the middle of a handler looks like to the code after it: nothing runs. */
    static final class ProcessDied extends Error {
    }

    private InMemoryStore store;
    private IdempotentConsumer consumer;
    private final AtomicInteger applied = new AtomicInteger();

    @BeforeEach
    void start() {
        store = new InMemoryStore();
        consumer = new IdempotentConsumer();
        consumer.database = store.database;
        consumer.retryMaxMs = 0;
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static IncomingEvent event(String id) {
        return new IncomingEvent(id, "order.created", "/order-service", null, "order.created", "ORD-1", "{}");
    }

    @Test
    void aCrashMidHandlerIsAppliedOnRedelivery() {
        IncomingEvent event = event("e-crash");
        assertThrows(ProcessDied.class, () -> consumer.apply("cart", event, e -> {
            throw new ProcessDied();
        }));
        assertFalse(consumer.isProcessed("cart", "e-crash"), "nothing recorded for a handler that did not finish");
        assertTrue(consumer.apply("cart", event, e -> applied.incrementAndGet()));
        assertEquals(1, applied.get());
    }

    @Test
    void aHandlerThatThrowsOnceIsAppliedOnRedeliveryAndADuplicateAfterSuccessIsSkipped() {
        IncomingEvent event = event("e-once");
        AtomicInteger calls = new AtomicInteger();
        Consumer<IncomingEvent> handler = e -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("store away");
            }
            applied.incrementAndGet();
        };
        assertThrows(IllegalStateException.class, () -> consumer.apply("cart", event, handler));
        assertTrue(consumer.apply("cart", event, handler));
        assertFalse(consumer.apply("cart", event, handler), "duplicate after success");
        assertEquals(1, applied.get());
        assertTrue(consumer.isProcessed("cart", "e-once"));
        assertTrue(consumer.apply("marketplace", event, handler), "each consumer applies it once");
    }

    @Test
    void anEventFailingPastTheRetryWindowIsParkedAndAcknowledgedSoTheChannelFlows() {
        AtomicReference<String> outcome = new AtomicReference<>();
        ConsumerRecord<String, String> record = new ConsumerRecord<>("order.created", 0, 42L, "ORD-9", "{\"bad\":1}");
        Message<String> message = new Message<>() {
            @Override
            public String getPayload() {
                return record.value();
            }

            @Override
            public Supplier<CompletionStage<Void>> getAck() {
                return () -> {
                    outcome.set("ack");
                    return CompletableFuture.completedFuture(null);
                };
            }

            @Override
            public Function<Throwable, CompletionStage<Void>> getNack() {
                return t -> {
                    outcome.set("nack");
                    return CompletableFuture.completedFuture(null);
                };
            }

            @Override
            @SuppressWarnings("unchecked")
            public <C> C unwrap(Class<C> type) {
                return (C) record;
            }
        };
        consumer.handle("cart", message, e -> {
            throw new IllegalArgumentException("cannot apply this one");
        });
        assertEquals("ack", outcome.get());
        Document dead = store.database.getCollection(OutboxEvent.DEAD_COLLECTION).find().first();
        assertEquals("cart", dead.getString("consumer"));
        assertEquals("{\"bad\":1}", dead.getString("payload"));
        assertTrue(dead.getString("error").contains("cannot apply this one"));
        assertTrue(consumer.deadChannels().isEmpty());
    }
}
