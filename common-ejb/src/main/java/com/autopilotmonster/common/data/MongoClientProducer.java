package com.autopilotmonster.common.data;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's one MongoDB client and database ({@code mongodb.uri}, {@code mongodb.database}: env
 * {@code MONGODB_URI}, {@code MONGODB_DATABASE}). Short server-selection and connect timeouts
 * ({@code mongodb.timeout-ms}, env {@code MONGODB_TIMEOUT_MS}, 1 s): a store that is down makes requests fail
 * fast (503 with Retry-After) and readiness go DOWN, instead of threads waiting for the driver's 30 s default.
 *
 * <p>A store that is up but does not answer (stalled, frozen, a lost network path) is bounded too: every operation,
 * with its retries, its wait for a pooled connection and its reads, ends within {@code mongodb.operation-timeout-ms}
 * (env {@code MONGODB_OPERATION_TIMEOUT_MS}, 4 s; the driver's {@code timeoutMS}). Before, only a socket read
 * timeout of 10 s bounded it, and a read on a connection whose store stopped answering waited all of it: the
 * fault suite's run of 2026-11-29 18:44 saw payments and checkouts answer 503 after 10.3-10.7 s, past the 10 s
 * their clients wait. A request fails at its first such operation, so its answer is a 503 well inside a client's
 * patience.
 */
@ApplicationScoped
public class MongoClientProducer {

    @Inject
    @ConfigProperty(name = "mongodb.uri", defaultValue = "mongodb://127.0.0.1:27017")
    String uri;

    @Inject
    @ConfigProperty(name = "mongodb.database", defaultValue = "autopilot")
    String database;

    @Inject
    @ConfigProperty(name = "mongodb.timeout-ms", defaultValue = "1000")
    int timeoutMs;

    @Inject
    @ConfigProperty(name = "mongodb.operation-timeout-ms", defaultValue = "4000")
    long operationTimeoutMs;

    @Produces
    @Singleton
    MongoClient mongoClient() {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .timeout(operationTimeoutMs, TimeUnit.MILLISECONDS)
                .build();
        return MongoClients.create(settings);
    }

    @Produces
    @Singleton
    MongoDatabase mongoDatabase(MongoClient client) {
        return client.getDatabase(database);
    }

    void close(@Disposes MongoClient client) {
        client.close();
    }
}
