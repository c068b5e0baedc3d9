package com.autopilotmonster.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.common.trace.TestTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request's trace goes on through Kafka: the event recorded inside the request keeps its trace context, the
 * relay's send (later, on another thread) is a producer span in that trace whose {@code traceparent} travels in the
 * record headers next to the CloudEvents ones, and the consumer's handling is a consumer span under it.
 */
class TracePropagationTest {

    private final List<SpanData> finished = new CopyOnWriteArrayList<>();
    private OpenTelemetrySdk otel;
    private InMemoryStore store;
    private OutboxRelayTest.Broker broker;

    @BeforeEach
    void start() {
        SpanExporter exporter = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                finished.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        store = new InMemoryStore();
        broker = new OutboxRelayTest.Broker();
    }

    @AfterEach
    void stop() {
        store.close();
        otel.close();
    }

    @Test
    void theRequestsTraceGoesThroughTheOutboxAndKafkaIntoTheConsumer() {
        OutboxRelay relay = new OutboxRelay();
        relay.database = store.database;
        relay.producer = broker;
        relay.sendTimeoutMs = 1000;
        relay.enabled = false;
        relay.embeddedCollections = Optional.of("orders");
        relay.tracing = TestTracing.of(otel, "order");
        EventPublisher publisher = new EventPublisher();
        publisher.database = store.database;
        publisher.relay = relay;
        publisher.serviceName = "order";
        publisher.tracing = relay.tracing;
        publisher.json = payload -> "{\"orderId\":\"ORD-7\"}";

        // the request: its server span is current while the order and its event are written
        Span request = otel.getTracer("test").spanBuilder("POST /api/orders").setSpanKind(SpanKind.SERVER).startSpan();
        try (Scope ignored = request.makeCurrent()) {
            Document order = new Document("_id", "o-7").append("orderId", "ORD-7");
            publisher.embed(order, "order.created", "ORD-7", Map.of("orderId", "ORD-7"));
            store.database.getCollection("orders").insertOne(order);
        } finally {
            request.end();
        }

        // the relay sends it later, with no request around
        assertEquals(1, relay.drain());
        ProducerRecord<String, String> sent = broker.history().get(0);
        Map<String, String> headers = CloudEventHeaders.read(sent.headers());
        SpanData publish = span("order.created publish");
        assertEquals(SpanKind.PRODUCER, publish.getKind());
        assertEquals(request.getSpanContext().getTraceId(), publish.getTraceId());
        assertEquals(request.getSpanContext().getSpanId(), publish.getParentSpanId());
        assertEquals("order", publish.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("autopilot.service")).findFirst().orElseThrow().getValue());
        assertTrue(headers.get("traceparent").startsWith("00-" + publish.getTraceId() + "-" + publish.getSpanId() + "-"),
                headers.toString());
        assertTrue(headers.containsKey(CloudEventHeaders.ID), "next to the CloudEvents headers");

        // a consumer (another service) continues it
        IdempotentConsumer consumer = new IdempotentConsumer();
        consumer.database = store.database;
        consumer.retryMaxMs = 0;
        consumer.tracing = TestTracing.of(otel, "cart");
        ConsumerRecord<String, String> record = new ConsumerRecord<>(sent.topic(), 0, 0L, 0L,
                TimestampType.CREATE_TIME, 0, 0, sent.key(), sent.value(), sent.headers(), Optional.empty());
        String[] seenTrace = new String[1];
        consumer.handle("cart-order-created", message(record),
                e -> seenTrace[0] = Span.current().getSpanContext().getTraceId()).toCompletableFuture().join();
        SpanData process = span("order.created process");
        assertEquals(SpanKind.CONSUMER, process.getKind());
        assertEquals(publish.getTraceId(), process.getTraceId());
        assertEquals(publish.getSpanId(), process.getParentSpanId());
        assertEquals(publish.getTraceId(), seenTrace[0], "the handler runs inside the consumer span");
    }

    @Test
    void eventsOfOtherProducersStartTheirOwnTrace() {
        IdempotentConsumer consumer = new IdempotentConsumer();
        consumer.database = store.database;
        consumer.retryMaxMs = 0;
        consumer.tracing = TestTracing.of(otel, "cart");
        ConsumerRecord<String, String> record = new ConsumerRecord<>("order.created", 0, 5L, "k", "{}");
        record.headers().add(CloudEventHeaders.ID, "e-foreign".getBytes(StandardCharsets.UTF_8));
        consumer.handle("cart-order-created", message(record), e -> { }).toCompletableFuture().join();
        assertTrue(span("order.created process").getParentSpanId().chars().allMatch(c -> c == '0'), "a root span");
    }

    private SpanData span(String name) {
        return finished.stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + finished));
    }

    private static Message<String> message(ConsumerRecord<String, String> record) {
        return new Message<>() {
            @Override
            public String getPayload() {
                return record.value();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <C> C unwrap(Class<C> type) {
                return type.isInstance(record) ? (C) record : Message.super.unwrap(type);
            }
        };
    }
}
