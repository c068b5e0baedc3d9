package com.autopilotmonster.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A command that takes long on one connection must not hold up the others: with Netty's default of four command
 * threads, one in four connections waited behind it (the fault suite's "503: mongodb" on servers that had nothing to
 * do with the slow command). Here a find waits on a latch while twenty other clients ping; each ping must answer while
 * it still waits.
 */
class MongoCommandThreadsTest {

    private static final int CLIENTS = 20;

    /** Holds a find on the collection "held" until released: a stand-in for a scan that takes seconds. */
    private static final class HoldingBackend extends MemoryBackend {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Document handleMessage(MongoMessage message) {
            if ("held".equals(message.getDocument().get("find"))) {
                held.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.handleMessage(message);
        }
    }

    @Test
    void aSlowCommandDoesNotHoldUpOtherConnections() throws Exception {
        HoldingBackend backend = new HoldingBackend();
        MongoServer server = new MongoServer(backend);
        int port = FreePorts.next();
        MongoDaemon.bind(server, "127.0.0.1", port);
        String uri = "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=5000";
        ExecutorService threads = Executors.newCachedThreadPool();
        List<MongoClient> clients = new ArrayList<>();
        try (MongoClient slow = MongoClients.create(uri)) {
            Future<?> find = threads.submit(() -> slow.getDatabase("threads_test").getCollection("held").find().first());
            assertTrue(backend.held.await(30, TimeUnit.SECONDS), "the find should reach the server");

            List<CompletableFuture<Object>> pings = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                MongoClient client = MongoClients.create(uri);
                clients.add(client);
                pings.add(CompletableFuture.supplyAsync(() -> client.getDatabase("admin")
                        .runCommand(new org.bson.Document("ping", 1)).get("ok"), threads));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int answered = 0;
            for (CompletableFuture<Object> ping : pings) {
                try {
                    ping.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    answered++;
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    // counted below: it waited behind the held find
                }
            }
            assertEquals(CLIENTS, answered, "pings answered within 10 s while one connection's command was held");
            assertFalse(find.isDone(), "the find was still held while the others pinged");
            backend.release.countDown();
            find.get(30, TimeUnit.SECONDS);
        } finally {
            backend.release.countDown();
            clients.forEach(MongoClient::close);
            threads.shutdownNow();
            server.shutdownNow();
        }
    }

}
