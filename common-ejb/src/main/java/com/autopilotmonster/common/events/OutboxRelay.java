package com.autopilotmonster.common.events;

import com.autopilotmonster.common.trace.SpanRole;
import com.autopilotmonster.common.trace.TraceSpan;
import com.autopilotmonster.common.trace.Tracing;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers pending events to Kafka - those of {@code outbox_events} and those embedded in the state documents of
 * the {@code outbox.embedded-collections} - in the order they were recorded, removing/marking each only after the
 * broker acknowledged it. While Kafka is down events simply wait (a drain stops at the first broker failure, so
 * order is kept); delivery is at-least-once, which the idempotent consumers absorb. An event Kafka refuses for
 * itself (too large, invalid topic, not authorised) can never be sent: it is parked in {@code dead_events} with
 * its error, so it does not hold back every later event.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final int BATCH = 100;

    @Inject
    MongoDatabase database;

    @Inject
    Producer<String, String> producer;

    @Inject
    Tracing tracing = Tracing.none();

    @Inject
    @ConfigProperty(name = "outbox.poll-ms", defaultValue = "1000")
    long pollMs;

    /** When the last drain left nothing unsent, the poll only sweeps this often: each write wakes the relay
     *  itself, so the poll is a safety net (a wake-up lost in a crash, another instance's leftovers), and every
     *  sweep queries the outbox and each embedded collection - full collection scans on the local store. */
    @Inject
    @ConfigProperty(name = "outbox.idle-sweep-ms", defaultValue = "5000")
    long idleSweepMs;

    @Inject
    @ConfigProperty(name = "outbox.send-timeout-ms", defaultValue = "8000")
    long sendTimeoutMs;

    @Inject
    @ConfigProperty(name = "outbox.enabled", defaultValue = "true")
    boolean enabled;

    /** Collections whose documents carry pending events in their {@code outbox} array (comma separated). */
    @Inject
    @ConfigProperty(name = "outbox.embedded-collections")
    Optional<String> embeddedCollections;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AtomicBoolean running = new AtomicBoolean();
    /** A wake-up that arrived while a drain was running: that drain may have read the outbox before the write. */
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Documents just written with events in them: a drain sends these by id, without querying for pending ones. */
    private final Queue<Hint> hints = new ConcurrentLinkedQueue<>();
    /** Whether the next drain queries every collection for pending events (start, idle poll, broker failure). */
    private final AtomicBoolean sweep = new AtomicBoolean(true);

    private volatile long lastDrainNanos;
    private volatile boolean drained;
    private ScheduledFuture<?> schedule;
    private volatile Instant oldestPending;
    private volatile int pendingSeen;
    private volatile String lastError;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!enabled) {
            return;
        }
        schedule = scheduler.scheduleWithFixedDelay(this::poll, pollMs, pollMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /**
     * Called after the document {@code id} of {@code collection} was written with events in it: the drain sends
     * them by id. Querying for pending events instead scans the whole collection on the local store (which keeps
     * no index but unique ones), and orders only grow.
     */
    public void wakeUp(String collection, Object id) {
        if (enabled) {
            hints.add(new Hint(collection, id));
            requested.set(true);
            scheduler.execute(this::drainRequested);
        }
    }

    /** The poll's tick: drains at once while events wait (broker away), else only every idle sweep. */
    void poll() {
        boolean idle = drained && pendingSeen == 0 && lastError == null;
        if (!idle || System.nanoTime() - lastDrainNanos >= TimeUnit.MILLISECONDS.toNanos(idleSweepMs)) {
            drain();
        }
    }

    /** Sends every pending event of every collection (a sweep); returns how many were delivered. */
    public int drain() {
        sweep.set(true);
        return drainRequested();
    }

    /**
     * Sends what the wake-ups asked for (hinted documents, or a sweep); returns how many events were delivered.
     * Only one drain runs at a time; a wake-up during a drain makes it drain again, so no recorded event waits for
     * the next poll.
     */
    private int drainRequested() {
        int sent = 0;
        while (running.compareAndSet(false, true)) {
            requested.set(false);
            sent += drainOnce();
            if (!requested.get()) {
                break;
            }
        }
        return sent;
    }

    private int drainOnce() {
        boolean full = sweep.getAndSet(false);
        boolean swept = false;
        Scan scan = new Scan();
        try {
            for (Hint hint = hints.poll(); hint != null; hint = hints.poll()) {
                drainHinted(hint, scan);
            }
            if (scan.brokerFailed) {
                full = true; // the next ticks retry what is left through sweeps; this one records what waits
            }
            if (!full) {
                return scan.sent;
            }
            swept = true;
            drainTable(scan);
            for (String name : embeddedCollections.orElse("").split(",")) {
                if (!scan.brokerFailed && !name.isBlank()) {
                    drainEmbedded(database.getCollection(name.trim()), scan);
                }
            }
            oldestPending = scan.oldestUnsent;
            pendingSeen = scan.unsent;
            lastError = scan.error;
            drained = true;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "outbox drain interrupted", e);
            drained = false; // the store failed mid-drain: keep polling at the short interval
        } finally {
            if (swept || !drained) {
                lastDrainNanos = System.nanoTime(); // the idle sweep counts from the last query of every collection
            }
            running.set(false);
        }
        return scan.sent;
    }

    private void drainTable(Scan scan) {
        MongoCollection<Document> outbox = database.getCollection(OutboxEvent.COLLECTION);
        List<Document> pending = outbox.find(Filters.eq("status", OutboxEvent.PENDING))
                .sort(Sorts.ascending("createdAt", "_id")).limit(BATCH).into(new ArrayList<>());
        for (Document document : pending) {
            relayTableEvent(outbox, document, scan);
        }
    }

    /** A hinted document: sent by id if it still holds pending events (a sweep may have sent them already). */
    private void drainHinted(Hint hint, Scan scan) {
        if (OutboxEvent.COLLECTION.equals(hint.collection())) {
            MongoCollection<Document> outbox = database.getCollection(OutboxEvent.COLLECTION);
            Document document = outbox.find(Filters.and(Filters.eq("_id", hint.id()),
                    Filters.eq("status", OutboxEvent.PENDING))).first();
            if (document != null) {
                relayTableEvent(outbox, document, scan);
            }
        } else {
            MongoCollection<Document> states = database.getCollection(hint.collection());
            Document holder = states.find(Filters.eq("_id", hint.id()))
                    .projection(new Document(OutboxEvent.EMBEDDED_FIELD, 1)).first();
            if (holder != null) {
                relayEmbeddedEvents(states, holder, scan);
            }
        }
    }

    private void relayTableEvent(MongoCollection<Document> outbox, Document document, Scan scan) {
        if (scan.brokerFailed) {
            scan.unsent(document.getDate("createdAt"));
            return;
        }
        Outcome outcome = send(document, scan);
        Object id = document.get("_id");
        if (outcome == Outcome.SENT) {
            outbox.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", OutboxEvent.SENT),
                    Updates.set("sentAt", new Date())));
        } else if (outcome == Outcome.PARKED) {
            outbox.deleteOne(Filters.eq("_id", id));
        } else {
            outbox.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("attempts", 1),
                    Updates.set("lastError", scan.error)));
            scan.unsent(document.getDate("createdAt"));
        }
    }

    private void drainEmbedded(MongoCollection<Document> states, Scan scan) {
        List<Document> holders = states.find(Filters.exists(OutboxEvent.EMBEDDED_FIELD + "._id"))
                .projection(new Document(OutboxEvent.EMBEDDED_FIELD, 1)).limit(BATCH).into(new ArrayList<>());
        for (Document holder : holders) {
            relayEmbeddedEvents(states, holder, scan);
        }
    }

    private void relayEmbeddedEvents(MongoCollection<Document> states, Document holder, Scan scan) {
        for (Document event : holder.getList(OutboxEvent.EMBEDDED_FIELD, Document.class, List.of())) {
            if (scan.brokerFailed) {
                scan.unsent(event.getDate("time"));
                continue;
            }
            Outcome outcome = send(event, scan);
            if (outcome == Outcome.BROKER_FAILED) {
                scan.unsent(event.getDate("time"));
            } else {
                states.updateOne(Filters.eq("_id", holder.get("_id")), Updates.pull(OutboxEvent.EMBEDDED_FIELD,
                        new Document("_id", event.get("_id"))));
            }
        }
    }

    private enum Outcome { SENT, PARKED, BROKER_FAILED }

    private Outcome send(Document document, Scan scan) {
        OutboxEvent event;
        try {
            event = OutboxEvent.fromDocument(document);
        } catch (RuntimeException unreadable) {
            park(document, unreadable);
            return Outcome.PARKED;
        }
        // the send continues the trace of the request that recorded the event; the consumers continue this span
        try (TraceSpan span = tracing.start(event.topic() + " publish", SpanRole.PRODUCER, event.trace(),
                Map.of("messaging.system", "kafka", "messaging.destination.name", event.topic(),
                        "messaging.message.id", event.id()))) {
            return send(document, event, span, scan);
        }
    }

    private Outcome send(Document document, OutboxEvent event, TraceSpan span, Scan scan) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), null, event.key(),
                event.payload(), CloudEventHeaders.of(event));
        span.inject((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(sendTimeoutMs, TimeUnit.MILLISECONDS);
            scan.sent++;
            return Outcome.SENT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scan.failed("interrupted");
            return Outcome.BROKER_FAILED;
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            span.failed(cause);
            if (isPoison(cause)) {
                LOG.log(Level.SEVERE, "event {0} ({1}) can never be sent, parked in {2}: {3}",
                        new Object[] {event.id(), event.topic(), OutboxEvent.DEAD_COLLECTION, cause});
                park(document, cause);
                return Outcome.PARKED;
            }
            scan.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            LOG.log(Level.WARNING, "event {0} ({1}) not delivered yet, will retry: {2}",
                    new Object[] {event.id(), event.topic(), cause.getMessage()});
            return Outcome.BROKER_FAILED;
        }
    }

    /** Kafka refuses this record for itself; retrying cannot help, unlike a broker that is away. */
    static boolean isPoison(Throwable t) {
        return t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                || t instanceof InvalidTopicException || t instanceof SerializationException
                || t instanceof TopicAuthorizationException;
    }

    /** Idempotent (keyed by event id): a crash between parking and removing parks it again, never twice. */
    private void park(Document event, Throwable error) {
        Document dead = new Document(event).append("origin", "outbox")
                .append("error", error.getClass().getSimpleName() + ": " + error.getMessage())
                .append("parkedAt", new Date());
        database.getCollection(OutboxEvent.DEAD_COLLECTION).replaceOne(Filters.eq("_id", event.get("_id")), dead,
                new ReplaceOptions().upsert(true));
    }

    /** Pending count in {@code outbox_events}, for tests. */
    public long pending() {
        return database.getCollection(OutboxEvent.COLLECTION).countDocuments(Filters.eq("status", OutboxEvent.PENDING));
    }

    /**
     * What the last drain saw (no store round trip, so a health probe stays fast while the store is away).
     * @param pending         events left unsent by the last drain (at most one batch per source counted)
     * @param oldestUnsentAge age of the oldest of them, null when none
     * @param lastError       why the last drain stopped, null when it did not
     */
    public record Status(int pending, Duration oldestUnsentAge, String lastError) {
    }

    public Status status() {
        Instant oldest = oldestPending;
        return new Status(pendingSeen, oldest == null ? null : Duration.between(oldest, Instant.now()), lastError);
    }

    static List<IndexModel> indexes(long retentionSeconds) {
        return List.of(new IndexModel(Indexes.ascending("status", "createdAt")),
                // sent events are kept for a while (diagnostics, replays), then removed by the store
                new IndexModel(Indexes.ascending("sentAt"),
                        new IndexOptions().expireAfter(retentionSeconds, TimeUnit.SECONDS)));
    }

    /** A document that holds pending events: an {@code outbox_events} entry or an embedded collection's state. */
    private record Hint(String collection, Object id) {
    }

    /** One drain's findings. */
    private static final class Scan {
        int sent;
        int unsent;
        Instant oldestUnsent;
        boolean brokerFailed;
        String error;

        void unsent(Date createdAt) {
            unsent++;
            if (createdAt != null && (oldestUnsent == null || createdAt.toInstant().isBefore(oldestUnsent))) {
                oldestUnsent = createdAt.toInstant();
            }
        }

        void failed(String why) {
            brokerFailed = true;
            error = why;
        }
    }
}
