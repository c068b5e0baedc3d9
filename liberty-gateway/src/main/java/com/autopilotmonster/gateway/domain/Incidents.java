package com.autopilotmonster.gateway.domain;

import com.autopilotmonster.common.api.Page;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Incidents: a service's readiness went from UP to DOWN (start) and back (end). Every gateway instance watches
 * the services and may see the same change; the change is recorded once by a compare-and-set on the service's
 * document in {@code service_states} (its {@code _id} is the service, so the first instance's write wins and
 * the others' conditional writes match nothing), and only the winner writes the incident and notifies
 * subscribers.
 */
@ApplicationScoped
public class Incidents {

    /** An incident as stored; {@code endedAt} and {@code durationSeconds} are null while it lasts. */
    public record Incident(String incidentId, String service, String serviceStatus, String reason, Instant startedAt,
                           Instant endedAt, Long durationSeconds) {
        public boolean open() {
            return endedAt == null;
        }
    }

    @Inject
    StatusStore store;

    @Inject
    StatusNotifier notifier;

    /**
     * The watch saw {@code service} stop being ready at {@code startedAt} after having seen it ready. Returns
     * the incident when this instance recorded it, null when another instance already had.
     */
    public Incident started(String service, Instant startedAt, String reason) {
        String id = UUID.randomUUID().toString();
        Bson wasNotDown = Filters.and(Filters.eq("_id", service), Filters.ne("status", "DOWN"));
        Bson down = Updates.combine(Updates.set("status", "DOWN"), Updates.set("incidentId", id),
                Updates.set("since", Date.from(startedAt)));
        boolean won = store.states().updateOne(wasNotDown, down).getMatchedCount() == 1
                || StatusStore.insertIfAbsent(store.states(), new Document("_id", service).append("status", "DOWN")
                        .append("incidentId", id).append("since", Date.from(startedAt)));
        if (!won) {
            return null;
        }
        Incident incident = new Incident(id, service, "down", reason, startedAt, null, null);
        store.incidents().insertOne(new Document("_id", id).append("incidentId", id).append("service", service)
                .append("serviceStatus", "down").append("reason", reason).append("startedAt", Date.from(startedAt)));
        notifier.incidentStarted(incident);
        return incident;
    }

    /** The watch saw {@code service} ready again (or ready for the first time since this instance started). */
    public Incident ended(String service, Instant endedAt) {
        Document before = store.states().findOneAndUpdate(
                Filters.and(Filters.eq("_id", service), Filters.eq("status", "DOWN")),
                Updates.combine(Updates.set("status", "UP"), Updates.set("since", Date.from(endedAt)),
                        Updates.unset("incidentId")));
        if (before == null) {
            StatusStore.insertIfAbsent(store.states(), new Document("_id", service).append("status", "UP")
                    .append("since", Date.from(endedAt)));
            return null;
        }
        String id = before.getString("incidentId");
        if (id == null) {
            return null; // down since before any instance watched: there was no incident to end
        }
        Document incident = store.incidents().find(Filters.eq("_id", id)).first();
        if (incident == null) {
            return null;
        }
        Instant startedAt = incident.getDate("startedAt").toInstant();
        long seconds = Math.max(0, Duration.between(startedAt, endedAt).toSeconds());
        store.incidents().updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("endedAt", false)),
                Updates.combine(Updates.set("endedAt", Date.from(endedAt)), Updates.set("durationSeconds", seconds)));
        Incident ended = new Incident(id, service, incident.getString("serviceStatus"), incident.getString("reason"),
                startedAt, endedAt, seconds);
        notifier.incidentEnded(ended);
        return ended;
    }

    /** A service seen down before this instance ever saw it ready: remembered as down, but no incident. */
    public void downWithoutWitness(String service, Instant since) {
        StatusStore.insertIfAbsent(store.states(), new Document("_id", service).append("status", "DOWN")
                .append("since", Date.from(since)));
    }

    /** Newest first, optionally of one service. */
    public Page<Incident> page(String service, int page, int limit) {
        Bson filter = service == null ? new Document() : Filters.eq("service", service.toLowerCase(Locale.ROOT));
        long total = store.incidents().countDocuments(filter);
        List<Incident> items = new ArrayList<>();
        for (Document d : store.incidents().find(filter).sort(Sorts.descending("startedAt"))
                .skip((page - 1) * limit).limit(limit)) {
            items.add(of(d));
        }
        return new Page<>(items, page, limit, total);
    }

    /** Incidents still open, and those that ended after {@code endedAfter}. */
    public List<Incident> current(Instant endedAfter) {
        List<Incident> items = new ArrayList<>();
        Bson filter = Filters.or(Filters.exists("endedAt", false), Filters.gte("endedAt", Date.from(endedAfter)));
        for (Document d : store.incidents().find(filter).sort(Sorts.descending("startedAt")).limit(50)) {
            items.add(of(d));
        }
        return items;
    }

    private static Incident of(Document d) {
        Date ended = d.getDate("endedAt");
        Number duration = (Number) d.get("durationSeconds");
        return new Incident(d.getString("_id"), d.getString("service"), d.getString("serviceStatus"),
                d.getString("reason"), d.getDate("startedAt").toInstant(), ended == null ? null : ended.toInstant(),
                duration == null ? null : duration.longValue());
    }
}
