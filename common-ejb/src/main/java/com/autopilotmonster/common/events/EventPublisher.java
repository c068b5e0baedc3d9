package com.autopilotmonster.common.events;

import com.autopilotmonster.common.api.JsonbSettings;
import com.autopilotmonster.common.trace.Tracing;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records events for the {@link OutboxRelay}, which delivers them to Kafka now or - if Kafka is down - as soon as
 * Kafka is back. Two ways:
 * <ul>
 * <li>{@link #embed} / {@link #push}: the event travels inside the state document it belongs to (its
 * {@code outbox} array), written by the same insert or update. Use it for events that must never be lost: a
 * crash right after the state write still leaves the event to be relayed (the store has no multi-document
 * transactions). The collection must be listed in {@code outbox.embedded-collections}.</li>
 * <li>{@link #publish}: a separate {@code outbox_events} document, written right after the state change.</li>
 * </ul>
 */
@ApplicationScoped
public class EventPublisher {

    @Inject
    MongoDatabase database;

    @Inject
    OutboxRelay relay;

    /** The request's trace context is kept with each event (the relay sends it later, on its own thread). */
    @Inject
    Tracing tracing = Tracing.none();

    @Inject
    @ConfigProperty(name = "platform.service.name", defaultValue = "autopilot")
    String serviceName;

    /**
     * @param topic   the spec's topic name, e.g. {@code user.registered}; also the CloudEvents type
     * @param key     the Kafka record key (the aggregate id keeps one aggregate's events in order)
     * @param payload the spec's payload object, serialized with the platform's JSON-B settings
     * @return the event id ({@code ce_id})
     */
    public String publish(String topic, String key, Object payload) {
        OutboxEvent event = event(topic, key, payload);
        database.getCollection(OutboxEvent.COLLECTION).insertOne(event.toDocument());
        relay.wakeUp(OutboxEvent.COLLECTION, event.id());
        return event.id();
    }

    /**
     * Adds the event to a state document that is about to be inserted; call {@link #written(String, Object)} after the insert.
     * @return the event id ({@code ce_id})
     */
    public String embed(Document state, String topic, String key, Object payload) {
        OutboxEvent event = event(topic, key, payload);
        List<Object> pending = new ArrayList<>(state.getList(OutboxEvent.EMBEDDED_FIELD, Object.class, List.of()));
        pending.add(event.toEmbedded());
        state.put(OutboxEvent.EMBEDDED_FIELD, pending);
        return event.id();
    }

    /**
     * The update part that records the event in the updated document (combine it with the state change of the
     * same updateOne / findOneAndUpdate); call {@link #written(String, Object)} after the update.
     */
    public Bson push(String topic, String key, Object payload) {
        return Updates.push(OutboxEvent.EMBEDDED_FIELD, event(topic, key, payload).toEmbedded());
    }

    /** After the insert or update of the document {@code id} of {@code collection} that carries events: the relay
     *  sends them now and by id, without querying the collection for pending events. */
    public void written(String collection, Object id) {
        relay.wakeUp(collection, id);
    }

    /** The platform's JSON-B settings; a unit test without a JSON-B provider replaces it. */
    java.util.function.Function<Object, String> json = payload -> JsonbSettings.jsonb().toJson(payload);

    private OutboxEvent event(String topic, String key, Object payload) {
        return new OutboxEvent(UUID.randomUUID().toString(), topic, key, topic, "/" + serviceName, Instant.now(),
                json.apply(payload), tracing.current());
    }
}
