package com.autopilotmonster.common.health;

import com.autopilotmonster.common.data.IndexInitializer;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the service's database answers a ping, asked in the background ({@link LastAnswer}) so a probe
 * is answered at once even while the store is down or slow. Off where {@code health.mongo.enabled=false}.
 */
@Readiness
@ApplicationScoped
public class MongoReadiness implements HealthCheck {

    @Inject
    Instance<MongoDatabase> database;

    @Inject
    IndexInitializer indexes;

    @Inject
    @ConfigProperty(name = "health.mongo.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    DependencyProbes probes;

    private LastAnswer pings;

    @PostConstruct
    void init() {
        pings = probes.lastAnswer("mongodb", () -> {
            MongoDatabase db = database.get();
            db.runCommand(new Document("ping", 1));
            return db.getName();
        });
    }

    @Override
    public HealthCheckResponse call() {
        if (!enabled) {
            return HealthCheckResponse.named("mongodb").up().withData("used", false).build();
        }
        HealthCheckResponse ping = pings.get();
        if (ping.getStatus() == HealthCheckResponse.Status.UP && !indexes.isDone()) {
            // not ready to take writes until unique indexes exist, or duplicates could slip in
            return HealthCheckResponse.named("mongodb").down().withData("indexes", "being created").build();
        }
        return ping;
    }
}
