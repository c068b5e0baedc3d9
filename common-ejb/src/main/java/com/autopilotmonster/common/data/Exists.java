package com.autopilotmonster.common.data;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Whether any document matches, asked as a find of at most one id. {@code countDocuments} is an aggregation,
 * which the local store (mongo-java-server) answers by scanning the whole collection even for an {@code _id}
 * match: the idempotency marker check of every consumed event got slower with every event ever processed.
 * A find uses the store's index on every store.
 */
public final class Exists {

    private Exists() {
    }

    public static boolean any(MongoCollection<Document> collection, Bson filter) {
        return collection.find(filter).projection(Projections.include("_id")).limit(1).first() != null;
    }
}
