package com.autopilotmonster.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The Mongo-wire store the build started keeps its data across a stop and start (H2 file backend). */
class MongoStoreRestartIT {

    @Test
    void dataSurvivesARestart() {
        assumeTrue(Infra.isOwned("mongo"), "the Mongo-wire store is not run by this build");
        String marker = UUID.randomUUID().toString();
        String uri = "mongodb://" + Infra.address("mongo") + "/?serverSelectionTimeoutMS=5000";
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("infra_it").getCollection("markers").insertOne(new Document("_id", marker));
        }
        Infra.stop("mongo");
        assertFalse(Infra.isUp("mongo"));
        Infra.start("mongo");
        assertTrue(Infra.isUp("mongo"));
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> markers = client.getDatabase("infra_it").getCollection("markers");
            assertEquals(1, markers.countDocuments(new Document("_id", marker)));
        }
    }
}
