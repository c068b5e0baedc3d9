package com.autopilotmonster.user.events;

import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import com.autopilotmonster.user.domain.Profiles;
import com.autopilotmonster.user.domain.Wishlists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code user.registered}: the default profile (or, if the user read it first, the names/email it lacked).
 * {@code user.deleted}: the profile is anonymised and the wishlist removed (purchases stay: they are the
 * platform's sales records). Each event applied once ({@link IdempotentConsumer}); unreadable ones skipped.
 */
@ApplicationScoped
public class UserEventsConsumer {

    static final String CONSUMER = "user-users";

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

    void deleted(IncomingEvent event) {
        EventPayloads.UserDeleted user = Payloads.read(event, EventPayloads.UserDeleted.class);
        if (user == null || !Ids.valid(user.userId)) {
            return;
        }
        profiles.anonymise(user.userId);
        wishlists.deleteOf(user.userId);
    }
}
