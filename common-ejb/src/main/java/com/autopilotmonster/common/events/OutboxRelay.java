package com.autopilotmonster.common.events;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers outbox events to Kafka in the order they were recorded, marking each SENT only after the broker
 * acknowledged it. While Kafka is down events simply wait (and the batch stops at the first failure, so
 * order is kept); delivery is at-least-once, which the idempotent consumers absorb.
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
    @ConfigProperty(name = "outbox.poll-ms", defaultValue = "1000")
    long pollMs;

    @Inject
    @ConfigProperty(name = "outbox.send-timeout-ms", defaultValue = "8000")
    long sendTimeoutMs;

    @Inject
    @ConfigProperty(name = "outbox.enabled", defaultValue = "true")
    boolean enabled;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledFuture<?> schedule;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!enabled) {
            return;
        }
        schedule = scheduler.scheduleWithFixedDelay(this::drain, pollMs, pollMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** Called after an event is recorded, so delivery does not wait for the next poll. */
    public void wakeUp() {
        if (enabled) {
            scheduler.execute(this::drain);
        }
    }

    /** Sends what is pending; returns how many events were delivered. Only one drain runs at a time. */
    public int drain() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        int sent = 0;
        try {
            MongoCollection<Document> outbox = database.getCollection(OutboxEvent.COLLECTION);
            List<Document> pending = outbox.find(Filters.eq("status", OutboxEvent.PENDING))
                    .sort(Sorts.ascending("createdAt", "_id")).limit(BATCH).into(new ArrayList<>());
            for (Document document : pending) {
                OutboxEvent event = OutboxEvent.fromDocument(document);
                if (!send(outbox, event)) {
                    break;
                }
                sent++;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "outbox drain interrupted", e);
        } finally {
            running.set(false);
        }
        return sent;
    }

    private boolean send(MongoCollection<Document> outbox, OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), null, event.key(),
                event.payload(), CloudEventHeaders.of(event));
        try {
            producer.send(record).get(sendTimeoutMs, TimeUnit.MILLISECONDS);
            outbox.updateOne(Filters.eq("_id", event.id()),
                    Updates.combine(Updates.set("status", OutboxEvent.SENT), Updates.set("sentAt", new Date())));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            outbox.updateOne(Filters.eq("_id", event.id()), Updates.combine(Updates.inc("attempts", 1),
                    Updates.set("lastError", String.valueOf(e.getMessage()))));
            LOG.log(Level.WARNING, "event {0} ({1}) not delivered yet, will retry: {2}",
                    new Object[] {event.id(), event.topic(), e.getMessage()});
            return false;
        }
    }

    /** Pending count, for health data and tests. */
    public long pending() {
        return database.getCollection(OutboxEvent.COLLECTION).countDocuments(Filters.eq("status", OutboxEvent.PENDING));
    }

    static List<com.mongodb.client.model.IndexModel> indexes() {
        return List.of(new com.mongodb.client.model.IndexModel(Indexes.ascending("status", "createdAt")));
    }
}
