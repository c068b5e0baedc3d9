package com.autopilotmonster.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;

/**
 * What the local store alone does, from one client, for the three kinds of round trip a checkout makes most
 * (insert, read by id, conditional update by id), so that the checkout's figure can be split into the store's
 * part and the services' part: a completed order costs about 74 store round trips (README "Performance"), so
 * the store's rate divided by that is the ceiling the store puts on orders per second. Works in a scratch
 * database that it drops afterwards; {@code -Dseed.mongo=mongodb://127.0.0.1:27017}.
 */
final class StoreBenchmark {

    private StoreBenchmark() {
    }

    static void run(Duration each) {
        String uri = System.getProperty("seed.mongo", "mongodb://127.0.0.1:27017");
        try (MongoClient client = MongoClients.create(uri)) {
            var database = client.getDatabase("bench_store_db");
            database.drop();
            MongoCollection<Document> docs = database.getCollection("docs");
            AtomicInteger inserted = new AtomicInteger();
            LoadRun.Result insert = LoadRun.run("store: insert", 1, each, t -> {
                int n = inserted.getAndIncrement();
                docs.insertOne(new Document("_id", "d-" + n).append("userId", "u-" + (n % 100)).append("n", n)
                        .append("status", "pending").append("items", java.util.List.of(new Document("p", "x"))));
                return true;
            });
            int count = Math.max(1, inserted.get());
            AtomicInteger read = new AtomicInteger();
            LoadRun.Result find = LoadRun.run("store: find by id", 1, each,
                    t -> docs.find(Filters.eq("_id", "d-" + (read.getAndIncrement() % count))).first() != null);
            AtomicInteger changed = new AtomicInteger();
            LoadRun.Result update = LoadRun.run("store: findOneAndUpdate by id", 1, each,
                    t -> docs.findOneAndUpdate(Filters.eq("_id", "d-" + (changed.getAndIncrement() % count)),
                            Updates.inc("n", 1)) != null);
            database.drop();
            System.out.println(insert);
            System.out.println(find);
            System.out.println(update);
            System.out.printf("=> store round trips/s (one client): insert %.0f, find by id %.0f, findOneAndUpdate %.0f%n",
                    insert.perSecond(), find.perSecond(), update.perSecond());
        }
    }
}
