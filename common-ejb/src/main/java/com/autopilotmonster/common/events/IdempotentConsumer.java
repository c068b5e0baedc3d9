package com.autopilotmonster.common.events;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Applies each event id at most once per consumer: a marker {@code consumer:eventId} is inserted into
 * {@code processed_events} (unique {@code _id}) before the handler runs; a redelivered event finds the
 * marker and is only acknowledged. If the handler fails the marker is removed and the handling is tried
 * again in place with growing pauses (the store may be away for a moment) for up to
 * {@code events.retry-max-ms}; only then is the message nacked.
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

    public CompletionStage<Void> handle(String consumerName, Message<String> message, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable record skipped: {0}", e.getMessage());
            return message.ack();
        }
        // retried in place, never nacked early: liberty-kafka shuts the whole incoming channel down on a nack
        RuntimeException failure = Persistently.run(event.topic() + " event " + event.id(),
                () -> apply(consumerName, event, handler), retryMaxMs, Thread::sleep);
        if (failure == null) {
            return message.ack();
        }
        LOG.log(Level.SEVERE, "event " + event.id() + " on " + event.topic() + " still failing after "
                + retryMaxMs + " ms; nacked", failure);
        return message.nack(failure);
    }

    /**
     * @return true if the handler ran, false if this event id was already processed by this consumer
     * @throws RuntimeException from the handler, after the marker was removed again
     */
    public boolean apply(String consumerName, IncomingEvent event, Consumer<IncomingEvent> handler) {
        MongoCollection<Document> processed = database.getCollection(COLLECTION);
        String markerId = consumerName + ":" + event.id();
        try {
            processed.insertOne(new Document("_id", markerId).append("consumer", consumerName)
                    .append("eventId", event.id()).append("topic", event.topic()).append("at", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                LOG.fine(() -> "duplicate event " + markerId + " ignored");
                return false;
            }
            throw e;
        }
        try {
            handler.accept(event);
            return true;
        } catch (RuntimeException e) {
            processed.deleteOne(Filters.eq("_id", markerId));
            throw e;
        }
    }

    /** Whether this consumer has applied the event already (tests and diagnostics). */
    public boolean isProcessed(String consumerName, String eventId) {
        return database.getCollection(COLLECTION).countDocuments(Filters.eq("_id", consumerName + ":" + eventId)) > 0;
    }
}
