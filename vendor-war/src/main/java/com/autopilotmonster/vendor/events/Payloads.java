package com.autopilotmonster.vendor.events;

import com.autopilotmonster.common.events.IncomingEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads an event payload. A payload that is not the spec's JSON can never be applied, so it is logged and
 * skipped instead of being redelivered forever; failures of the store still propagate (and are retried).
 */
final class Payloads {

    private static final Logger LOG = Logger.getLogger(Payloads.class.getName());

    private Payloads() {
    }

    static <T> T read(IncomingEvent event, Class<T> type) {
        try {
            return event.payloadAs(type);
        } catch (RuntimeException e) {
            skip(event, e.getMessage());
            return null;
        }
    }

    static JsonObject object(IncomingEvent event) {
        try (JsonReader reader = Json.createReader(new StringReader(event.payload()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            skip(event, e.getMessage());
            return null;
        }
    }

    static void skip(IncomingEvent event, String why) {
        LOG.log(Level.WARNING, "unusable {0} event {1} skipped: {2}", new Object[] {event.topic(), event.id(), why});
    }
}
