package com.autopilotmonster.common.events;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** One event waiting in (or sent from) the service's {@code outbox_events} collection. */
public record OutboxEvent(String id, String topic, String key, String type, String source, Instant time,
                          String payload) {

    static final String COLLECTION = "outbox_events";
    static final String PENDING = "PENDING";
    static final String SENT = "SENT";

    Document toDocument() {
        return new Document("_id", id).append("topic", topic).append("key", key).append("type", type)
                .append("source", source).append("time", Date.from(time)).append("payload", payload)
                .append("status", PENDING).append("attempts", 0).append("createdAt", Date.from(time));
    }

    static OutboxEvent fromDocument(Document d) {
        return new OutboxEvent(d.getString("_id"), d.getString("topic"), d.getString("key"), d.getString("type"),
                d.getString("source"), d.getDate("time").toInstant(), d.getString("payload"));
    }
}
