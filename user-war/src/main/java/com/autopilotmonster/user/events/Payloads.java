package com.autopilotmonster.user.events;

import com.autopilotmonster.common.events.IncomingEvent;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads an event payload. A payload that is not the spec's JSON can never be applied, so it is logged and
 * skipped instead of being redelivered forever; failures of the store still propagate (and redeliver).
 */
final class Payloads {

    private static final Logger LOG = Logger.getLogger(Payloads.class.getName());

    private Payloads() {
    }

    static <T> T read(IncomingEvent event, Class<T> type) {
        try {
            return event.payloadAs(type);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable {0} event {1} skipped: {2}",
                    new Object[] {event.topic(), event.id(), e.getMessage()});
            return null;
        }
    }
}
