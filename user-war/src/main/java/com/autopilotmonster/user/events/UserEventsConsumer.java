package com.autopilotmonster.user.events;

import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import com.autopilotmonster.user.domain.Profiles;
import com.autopilotmonster.user.domain.Wishlists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code user.registered}: the default profile (or, if the user read it first, the names/email it lacked).
 * {@code user.updated}: the account's names, if newer than the profile's ({@link Profiles#renamedElsewhere}; not
 * republished, so auth and this service never echo each other).
 * {@code user.deleted}: the profile is anonymised and the wishlist removed (purchases stay: they are the
 * platform's sales records). Each event applied once ({@link IdempotentConsumer}); unreadable ones skipped.
 */
@ApplicationScoped
public class UserEventsConsumer {

    static final String CONSUMER = "user-users";
    private static final Logger LOG = Logger.getLogger(UserEventsConsumer.class.getName());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    Profiles profiles;

    @Inject
    Wishlists wishlists;

    @Incoming("user-registered")
    public CompletionStage<Void> onRegistered(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::registered);
    }

    @Incoming("user-updated")
    public CompletionStage<Void> onUpdated(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::updated);
    }

    @Incoming("user-deleted")
    public CompletionStage<Void> onDeleted(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::deleted);
    }

    void registered(IncomingEvent event) {
        EventPayloads.UserRegistered user = Payloads.read(event, EventPayloads.UserRegistered.class);
        if (user == null || !Ids.valid(user.userId)) {
            return;
        }
        profiles.registered(user.userId, Ids.bounded(user.email, 254), Ids.bounded(user.firstName, 100),
                Ids.bounded(user.lastName, 100));
    }

    void updated(IncomingEvent event) {
        EventPayloads.UserUpdated user = Payloads.read(event, EventPayloads.UserUpdated.class);
        if (user == null || !Ids.valid(user.userId)) {
            return;
        }
        Date version = instant(user.timestamp);
        String first = Ids.bounded(user.firstName, 100);
        String last = Ids.bounded(user.lastName, 100);
        if (version == null || (first == null && last == null)) {
            LOG.log(Level.WARNING, "user.updated event {0} without names or a valid timestamp skipped", event.id());
            return;
        }
        profiles.renamedElsewhere(user.userId, first, last, version);
    }

    private static Date instant(String value) {
        try {
            return value == null ? null : Date.from(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    void deleted(IncomingEvent event) {
        EventPayloads.UserDeleted user = Payloads.read(event, EventPayloads.UserDeleted.class);
        if (user == null || !Ids.valid(user.userId)) {
            return;
        }
        profiles.anonymise(user.userId);
        wishlists.deleteOf(user.userId);
    }
}
