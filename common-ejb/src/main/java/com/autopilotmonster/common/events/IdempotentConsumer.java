package com.autopilotmonster.common.events;

import com.autopilotmonster.common.data.Exists;
import com.autopilotmonster.common.trace.SpanRole;
import com.autopilotmonster.common.trace.TraceSpan;
import com.autopilotmonster.common.trace.Tracing;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Applies each event id at most once per consumer after it succeeded: a redelivered event whose marker
 * {@code consumer:eventId} is in {@code processed_events} is only acknowledged; otherwise the handler runs and
 * the marker is written <em>after</em> it returned. A crash in the middle of a handler therefore leaves no
 * marker and the redelivery applies the event (handlers must tolerate a repeat of their own half-done work,
 * e.g. by conditional or upserting writes). A failing handler is tried again in place with growing pauses
 * (the store may be away for a moment) for up to {@code events.retry-max-ms}; an event still failing then is
 * parked in {@code dead_events} with its error and acknowledged, so one bad event does not stop the channel
 * (liberty-kafka shuts a whole incoming channel down on a nack). Only if even parking fails is it nacked; the
 * channel is then dead until restart and {@link #deadChannels()} reports it (readiness data).
 *
 * <pre>
 * &#64;Incoming("order-created")
 * public CompletionStage&lt;Void&gt; on(Message&lt;String&gt; m) { return consumer.handle("cart", m, this::apply); }
 * </pre>
 */
@ApplicationScoped
public class IdempotentConsumer {

    static final String COLLECTION = "processed_events";
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class.getName());

    @Inject
    MongoDatabase database;

    @Inject
    @ConfigProperty(name = "events.retry-max-ms", defaultValue = "600000")
    long retryMaxMs;

    /** Each event is handled in a span whose parent is the producer's (the relay's send), so a request's trace
     *  goes on through every consumer of the events it caused. */
    @Inject
    Tracing tracing = Tracing.none();

    private final Set<String> deadChannels = ConcurrentHashMap.newKeySet();

    public CompletionStage<Void> handle(String consumerName, Message<String> message, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable record skipped: {0}", e.getMessage());
            return message.ack();
        }
        try (TraceSpan span = tracing.start(event.topic() + " process", SpanRole.CONSUMER, traceOf(message),
                Map.of("messaging.system", "kafka", "messaging.destination.name", event.topic(),
                        "messaging.message.id", event.id(), "messaging.consumer.group.name", consumerName))) {
            return handle(consumerName, message, event, handler, span);
        }
    }

    private CompletionStage<Void> handle(String consumerName, Message<String> message, IncomingEvent event,
                                         Consumer<IncomingEvent> handler, TraceSpan span) {
        // retried in place, never nacked early: liberty-kafka shuts the whole incoming channel down on a nack
        RuntimeException failure = Persistently.run(event.topic() + " event " + event.id(),
                () -> apply(consumerName, event, handler), retryMaxMs, Thread::sleep);
        if (failure == null) {
            return message.ack();
        }
        span.failed(failure);
        try {
            park(consumerName, event, failure);
            LOG.log(Level.SEVERE, "event " + event.id() + " on " + event.topic() + " still failing after "
                    + retryMaxMs + " ms; parked in " + OutboxEvent.DEAD_COLLECTION, failure);
            return message.ack();
        } catch (RuntimeException parkFailed) {
            deadChannels.add(consumerName + " (" + event.topic() + ")");
            LOG.log(Level.SEVERE, "event " + event.id() + " on " + event.topic() + " could not be parked either;"
                    + " nacked, the channel stops until restart", parkFailed);
            return message.nack(failure);
        }
    }

    /** The W3C trace context the producer put in the record headers (empty for other producers' records). */
    private static Map<String, String> traceOf(Message<String> message) {
        Map<String, String> headers = CloudEventHeaders.read(message.unwrap(ConsumerRecord.class).headers());
        headers.keySet().retainAll(Set.of("traceparent", "tracestate"));
        return headers;
    }

    /**
     * @return true if the handler ran, false if this event id was already processed by this consumer
     * @throws RuntimeException from the handler (nothing recorded, so a retry or redelivery applies it)
     */
    public boolean apply(String consumerName, IncomingEvent event, Consumer<IncomingEvent> handler) {
        if (isProcessed(consumerName, event.id())) {
            LOG.fine(() -> "duplicate event " + consumerName + ":" + event.id() + " ignored");
            return false;
        }
        handler.accept(event);
        MongoCollection<Document> processed = database.getCollection(COLLECTION);
        try {
            processed.insertOne(new Document("_id", consumerName + ":" + event.id()).append("consumer", consumerName)
                    .append("eventId", event.id()).append("topic", event.topic()).append("at", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return true;
    }

    /** Whether this consumer has applied the event already (tests and diagnostics). */
    public boolean isProcessed(String consumerName, String eventId) {
        return Exists.any(database.getCollection(COLLECTION), Filters.eq("_id", consumerName + ":" + eventId));
    }

    /** Keeps an event that failed past the retry window for an operator (idempotent: keyed by consumer and id). */
    void park(String consumerName, IncomingEvent event, RuntimeException error) {
        String id = consumerName + ":" + event.id();
        database.getCollection(OutboxEvent.DEAD_COLLECTION).replaceOne(Filters.eq("_id", id),
                new Document("_id", id).append("origin", "consumer").append("consumer", consumerName)
                        .append("eventId", event.id()).append("topic", event.topic()).append("key", event.key())
                        .append("type", event.type()).append("source", event.source())
                        .append("payload", event.payload())
                        .append("error", error.getClass().getSimpleName() + ": " + error.getMessage())
                        .append("parkedAt", new Date()),
                new ReplaceOptions().upsert(true));
    }

    /** Channels stopped by a nack (until restart), reported by the readiness data. */
    public Set<String> deadChannels() {
        return Set.copyOf(deadChannels);
    }
}
