package com.autopilotmonster.auth.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A lock document in the store ({@code auth_locks}, {@code _id: "active-admins"}) that serialises every change
 * which could remove an active admin, across all auth instances: "is another active admin left?" and the change
 * itself happen while it is held, so two admins demoting each other at the same moment cannot both succeed.
 * Taking it is an insert of that {@code _id} (unique, so only one insert wins); a holder that died leaves a lease
 * that expires and is cleared by the next taker.
 */
@ApplicationScoped
public class AdminGuard {

    static final String COLLECTION = "auth_locks";
    static final String ID = "active-admins";

    @Inject
    MongoDatabase database;

    /** Longer than any count-and-update takes; only matters when a holder died mid-change. */
    @Inject
    @ConfigProperty(name = "auth.admin-guard.lease-ms", defaultValue = "10000")
    long leaseMillis;

    /** How long a change waits for the lock before the caller is told to retry. */
    @Inject
    @ConfigProperty(name = "auth.admin-guard.wait-ms", defaultValue = "5000")
    long waitMillis;

    public <T> T holding(Supplier<T> change) {
        String holder = UUID.randomUUID().toString();
        acquire(holder);
        try {
            return change.get();
        } finally {
            locks().deleteOne(Filters.and(Filters.eq("_id", ID), Filters.eq("holder", holder)));
        }
    }

    private void acquire(String holder) {
        Instant giveUp = Instant.now().plusMillis(waitMillis);
        while (true) {
            Instant now = Instant.now();
            try {
                locks().insertOne(new Document("_id", ID).append("holder", holder)
                        .append("expiresAt", Date.from(now.plusMillis(leaseMillis))));
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            // a lease past its time belongs to a holder that died: clear it, then compete again
            locks().deleteOne(Filters.and(Filters.eq("_id", ID), Filters.lt("expiresAt", Date.from(now))));
            if (now.isAfter(giveUp)) {
                throw ApiException.unavailable("Another admin change is in progress; try again");
            }
            sleep(Duration.ofMillis(15));
        }
    }

    private MongoCollection<Document> locks() {
        return database.getCollection(COLLECTION);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while waiting for another admin change");
        }
    }
}
