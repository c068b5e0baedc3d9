package com.autopilotmonster.common.events;

import com.autopilotmonster.common.api.JsonbSettings;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the service's outbox, in the same database as the state change it belongs to; the
 * {@link OutboxRelay} delivers it to Kafka, now or - if Kafka is down - as soon as Kafka is back.
 * Call it right after the state change is written and before answering the request.
 */
@ApplicationScoped
public class EventPublisher {

    @Inject
    MongoDatabase database;

    @Inject
    OutboxRelay relay;

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
        OutboxEvent event = new OutboxEvent(UUID.randomUUID().toString(), topic, key, topic, "/" + serviceName,
                Instant.now(), JsonbSettings.jsonb().toJson(payload));
        Document document = event.toDocument();
        database.getCollection(OutboxEvent.COLLECTION).insertOne(document);
        relay.wakeUp();
        return event.id();
    }
}
