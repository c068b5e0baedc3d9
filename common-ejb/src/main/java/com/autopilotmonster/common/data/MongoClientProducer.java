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

    @Produces
    @Singleton
    MongoClient mongoClient() {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                        .readTimeout(Math.max(timeoutMs * 3, 10_000), TimeUnit.MILLISECONDS))
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
