package com.autopilotmonster.common.data;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates every contributed index at start-up. {@code createIndexes} with an unchanged definition is a
 * no-op in MongoDB, so restarts are idempotent. If the store is not reachable yet the service still
 * starts (readiness stays DOWN meanwhile) and creation is retried until it succeeds.
 */
@ApplicationScoped
public class IndexInitializer {

    private static final Logger LOG = Logger.getLogger(IndexInitializer.class.getName());
    static final long INDEX_BUILD_TIMEOUT_SECONDS = 300;

    @Inject
    Instance<IndexContributor> contributors;

    @Inject
    Instance<MongoDatabase> database;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile boolean done;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (contributors.isUnsatisfied()) {
            done = true;
            return;
        }
        scheduler.execute(this::attempt);
    }

    public boolean isDone() {
        return done;
    }

    private void attempt() {
        try {
            createAll();
            done = true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "index creation failed, retrying in 5 s: {0}", e.getMessage());
            scheduler.schedule(this::attempt, 5, TimeUnit.SECONDS);
        }
    }

    void createAll() {
        // building an index over a grown collection may take longer than the client's per-request operation bound
        MongoDatabase db = database.get().withTimeout(INDEX_BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (IndexContributor contributor : contributors) {
            for (Map.Entry<String, List<IndexModel>> entry : contributor.indexes().entrySet()) {
                if (!entry.getValue().isEmpty()) {
                    try {
                        db.getCollection(entry.getKey()).createIndexes(entry.getValue());
                    } catch (com.mongodb.MongoCommandException e) {
                        if (e.getErrorCode() != 85 && e.getErrorCode() != 86) {
                            throw e;
                        }
                        // IndexOptionsConflict / IndexKeySpecsConflict: an index exists with other options (e.g. a
                        // changed retention); the old one keeps working, an operator drops it to apply the new
                        LOG.severe(() -> "index on " + db.getName() + "." + entry.getKey() + " kept as it is: "
                                + e.getErrorMessage());
                        continue;
                    }
                    LOG.info(() -> "indexes ensured on " + db.getName() + "." + entry.getKey() + ": "
                            + entry.getValue().size());
                }
            }
        }
    }
}
