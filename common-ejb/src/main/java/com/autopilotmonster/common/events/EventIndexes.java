package com.autopilotmonster.common.events;

import com.autopilotmonster.common.data.IndexContributor;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

/** Indexes of the outbox and the processed-events markers, in every service that keeps a database. */
@ApplicationScoped
public class EventIndexes implements IndexContributor {

    @Inject
    @ConfigProperty(name = "outbox.enabled", defaultValue = "true")
    boolean enabled;

    @Override
    public Map<String, List<IndexModel>> indexes() {
        if (!enabled) {
            return Map.of();
        }
        return Map.of(OutboxEvent.COLLECTION, OutboxRelay.indexes(),
                IdempotentConsumer.COLLECTION, List.of(new IndexModel(Indexes.ascending("consumer", "at"))));
    }
}
