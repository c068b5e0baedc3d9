package com.autopilotmonster.gateway.domain;

import com.autopilotmonster.common.data.IndexContributor;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The status page's collections in the gateway's own database ({@code gateway_db}): {@code incidents},
 * {@code service_states} (the last readiness change every gateway instance agreed on), {@code status_samples}
 * (readiness checks counted per 5 minutes and per hour), {@code host_samples} (the gateway host's figures, the
 * same buckets) and {@code status_subscribers}.
 * Kept in the MongoDB-wire store rather than Redis: the local Redis runs without persistence ({@code save ""},
 * no AOF) while the store writes to disk, and incidents are history that must survive restarts.
 */
@ApplicationScoped
public class StatusStore implements IndexContributor {

    static final String INCIDENTS = "incidents";
    static final String STATES = "service_states";
    static final String SAMPLES = "status_samples";
    static final String HOST_SAMPLES = "host_samples";
    static final String SUBSCRIBERS = "status_subscribers";

    @Inject
    MongoDatabase database;

    MongoCollection<Document> incidents() {
        return database.getCollection(INCIDENTS);
    }

    MongoCollection<Document> states() {
        return database.getCollection(STATES);
    }

    MongoCollection<Document> samples() {
        return database.getCollection(SAMPLES);
    }

    MongoCollection<Document> hostSamples() {
        return database.getCollection(HOST_SAMPLES);
    }

    MongoCollection<Document> subscribers() {
        return database.getCollection(SUBSCRIBERS);
    }

    /** Inserts, or answers false when a document with that {@code _id} exists (another instance was first). */
    static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public Map<String, List<IndexModel>> indexes() {
        return Map.of(
                INCIDENTS, List.of(new IndexModel(Indexes.descending("startedAt")),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("service"),
                                Indexes.descending("startedAt")))),
                SAMPLES, List.of(new IndexModel(Indexes.ascending("granularity", "bucketStart"))),
                SUBSCRIBERS, List.of(new IndexModel(Indexes.ascending("confirmTokenHash")),
                        new IndexModel(Indexes.ascending("unsubscribeToken"),
                                new IndexOptions().unique(true))));
    }
}
