package com.autopilotmonster.probe;

import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes the probe topic through MP Reactive Messaging and counts, per event id, how often the effect
 * was applied: with the idempotent consumer it must be exactly once, however often Kafka delivers.
 */
@ApplicationScoped
public class ProbeEventConsumer {

    static final String NAME = "probe";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    MongoDatabase database;

    @Incoming("probe-events")
    public CompletionStage<Void> onEvent(Message<String> message) {
        return consumer.handle(NAME, message, this::apply);
    }

    private void apply(IncomingEvent event) {
        database.getCollection("probe_applied").updateOne(Filters.eq("_id", event.id()),
                Updates.combine(Updates.inc("times", 1), Updates.set("payload", event.payload()),
                        Updates.set("type", event.type()), Updates.set("source", event.source())),
                new UpdateOptions().upsert(true));
    }
}
