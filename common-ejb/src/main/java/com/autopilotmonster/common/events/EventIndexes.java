package com.autopilotmonster.common.events;

import com.autopilotmonster.common.data.IndexContributor;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Indexes of the outbox and the processed-events markers, in every service that keeps a database. Retention:
 * sent events and processed markers are removed by the store (TTL indexes) after {@code outbox.retention-s}
 * (7 days) and {@code events.processed-retention-s} (30 days: longer than Kafka keeps records it could
 * redeliver). Pending and parked ({@code dead_events}) events are never expired.
 */
@ApplicationScoped
public class EventIndexes implements IndexContributor {

    @Inject
    @ConfigProperty(name = "outbox.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "outbox.retention-s", defaultValue = "604800")
    long outboxRetentionSeconds;

    @Inject
    @ConfigProperty(name = "events.processed-retention-s", defaultValue = "2592000")
    long processedRetentionSeconds;

    @Inject
    @ConfigProperty(name = "outbox.embedded-collections")
    Optional<String> embeddedCollections;

    @Override
    public Map<String, List<IndexModel>> indexes() {
        if (!enabled) {
            return Map.of();
        }
        Map<String, List<IndexModel>> all = new HashMap<>();
        all.put(OutboxEvent.COLLECTION, OutboxRelay.indexes(outboxRetentionSeconds));
        all.put(IdempotentConsumer.COLLECTION, List.of(new IndexModel(Indexes.ascending("consumer", "at")),
                new IndexModel(Indexes.ascending("at"),
                        new IndexOptions().expireAfter(processedRetentionSeconds, TimeUnit.SECONDS))));
        for (String name : embeddedCollections.orElse("").split(",")) {
            if (!name.isBlank()) {
                // the relay's scan finds the few documents with pending events without reading the rest
                all.put(name.trim(), List.of(new IndexModel(Indexes.ascending(OutboxEvent.EMBEDDED_FIELD + "._id"),
                        new IndexOptions().sparse(true))));
            }
        }
        return all;
    }
}
