package com.autopilotmonster.common.events;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * One event waiting for delivery: either a document of the service's {@code outbox_events} collection, or an
 * element of the {@value #EMBEDDED_FIELD} array inside the very document whose change it announces (written by
 * the same single-document insert/update, so the change and its event cannot be separated by a crash).
 * {@code trace} is the W3C trace context of the request that recorded it (empty without one), so the relay's
 * Kafka send - later, on another thread - continues that request's trace.
 */
public record OutboxEvent(String id, String topic, String key, String type, String source, Instant time,
                          String payload, Map<String, String> trace) {

    static final String COLLECTION = "outbox_events";
    /** Events that could never be sent or applied, kept with their error for an operator. */
    static final String DEAD_COLLECTION = "dead_events";
    /** The array field of a state document holding its not yet delivered events. */
    public static final String EMBEDDED_FIELD = "outbox";
    static final String PENDING = "PENDING";
    static final String SENT = "SENT";

    Document toDocument() {
        return toEmbedded().append("status", PENDING).append("attempts", 0).append("createdAt", Date.from(time));
    }

    /** The event as an element of a state document's {@value #EMBEDDED_FIELD} array. */
    Document toEmbedded() {
        return new Document("_id", id).append("topic", topic).append("key", key).append("type", type)
                .append("source", source).append("time", Date.from(time)).append("payload", payload)
                .append("trace", new Document(new LinkedHashMap<>(trace)));
    }

    static OutboxEvent fromDocument(Document d) {
        return new OutboxEvent(d.getString("_id"), d.getString("topic"), d.getString("key"), d.getString("type"),
                d.getString("source"), d.getDate("time").toInstant(), d.getString("payload"), trace(d));
    }

    /** Events recorded before traces were kept have none. */
    private static Map<String, String> trace(Document d) {
        Map<String, String> trace = new LinkedHashMap<>();
        Document stored = d.get("trace", Document.class);
        if (stored != null) {
            stored.forEach((k, v) -> {
                if (v instanceof String value) {
                    trace.put(k, value);
                }
            });
        }
        return trace;
    }
}
