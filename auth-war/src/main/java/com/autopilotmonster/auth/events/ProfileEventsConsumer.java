package com.autopilotmonster.auth.events;

import com.autopilotmonster.auth.domain.UserStore;
import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code user.profile.updated} (user service): the person renamed themselves in their profile, so the account's
 * names follow. Each event applied once ({@link IdempotentConsumer}); the names are written only if the event's
 * version is newer than the names' current one (an older event arriving late changes nothing); an applied
 * change is NOT republished as {@code user.updated}, so the two services never echo each other. Unreadable
 * or incomplete payloads are logged and skipped.
 */
@ApplicationScoped
public class ProfileEventsConsumer {

    static final String CONSUMER = "auth-profiles";
    private static final Logger LOG = Logger.getLogger(ProfileEventsConsumer.class.getName());

    @Inject
    IdempotentConsumer consumer;

    @Inject
    UserStore users;

    /** {@code {userId, firstName?, lastName?, displayName?, namesUpdatedAt?, timestamp}}; JSON-B ignores the rest. */
    public static class ProfileUpdated {
        public String userId;
        public String firstName;
        public String lastName;
        public String namesUpdatedAt;
        public String timestamp;
    }

    @Incoming("user-profile-updated")
    public CompletionStage<Void> onProfileUpdated(Message<String> message) {
        return consumer.handle(CONSUMER, message, this::profileUpdated);
    }

    void profileUpdated(IncomingEvent event) {
        ProfileUpdated p;
        try {
            p = event.payloadAs(ProfileUpdated.class);
        } catch (RuntimeException e) {
            skip(event, "unreadable payload: " + e.getMessage());
            return;
        }
        if (p == null || p.userId == null || !ObjectId.isValid(p.userId)) {
            skip(event, "no valid userId");
            return;
        }
        Instant version = instant(p.namesUpdatedAt != null ? p.namesUpdatedAt : p.timestamp);
        if (version == null) {
            skip(event, "no valid timestamp");
            return;
        }
        String first = name(p.firstName);
        String last = name(p.lastName);
        if (first == null && last == null) {
            return;   // a cleared or absent name: the account keeps its own (auth's names are required)
        }
        if (!users.renameIfNewer(p.userId, first, last, version)) {
            LOG.fine(() -> "user.profile.updated " + event.id() + " older than the account's names; not applied");
        }
    }

    /** Auth's names are 1-50 characters: blank means "not given", longer ones are cut at 50. */
    private static String name(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > 50 ? v.substring(0, 50).strip() : v;
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void skip(IncomingEvent event, String why) {
        LOG.log(Level.WARNING, "{0} event {1} skipped: {2}", new Object[] {event.topic(), event.id(), why});
    }
}
