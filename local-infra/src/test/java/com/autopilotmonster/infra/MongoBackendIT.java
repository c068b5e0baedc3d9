package com.autopilotmonster.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local store's backend is selectable (STORE_BACKEND): the file keeps documents across a restart, memory
 * forgets them; an unknown name refuses to start. Each case runs its own wire server process on a free port, so
 * the shared store the other modules use is not touched.
 */
class MongoBackendIT {

    @TempDir
    Path dir;

    @Test
    void fileBackendKeepsDocumentsAcrossARestart() throws Exception {
        assertEquals(1, countAfterRestart("file"));
    }

    /**
     * The fault suite SIGKILLs the store: every write acknowledged before the kill is still there - a counter
     * {@code $inc} and a marker per sale, as the marketplace's sales counter does. Before the file backend
     * committed each write, the last unsaved second was lost (275 of these 500 markers kept).
     */
    @Test
    void fileBackendKeepsEveryAcknowledgedWriteAcrossASigkill() throws Exception {
        int writes = 500;
        int port = FreePorts.next();
        String uri = "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=5000";
        Process first = start("file", port);
        try (MongoClient client = MongoClients.create(uri)) {
            var db = client.getDatabase("backend_it");
            for (int i = 0; i < writes; i++) {
                db.getCollection("counters").updateOne(new Document("_id", "sold"),
                        new Document("$inc", new Document("quantity", 1)), new UpdateOptions().upsert(true));
                db.getCollection("markers").insertOne(new Document("_id", i));
            }
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, nothing closed or flushed
            first.waitFor(30, TimeUnit.SECONDS);
        }
        Process second = start("file", port);
        try (MongoClient client = MongoClients.create(uri)) {
            var db = client.getDatabase("backend_it");
            assertEquals(writes, db.getCollection("markers").countDocuments(), "markers kept");
            Document counter = db.getCollection("counters").find(new Document("_id", "sold")).first();
            assertEquals(writes, counter == null ? 0 : counter.getInteger("quantity"), "counter kept");
        } finally {
            stop(second);
        }
    }

    @Test
    void memoryBackendStartsEmptyAfterARestart() throws Exception {
        assertEquals(0, countAfterRestart("memory"));
    }

    @Test
    void unknownBackendRefusesToStart() throws Exception {
        Process daemon = start("floppy", FreePorts.next());
        assertTrue(daemon.waitFor(60, TimeUnit.SECONDS), "the daemon should exit");
        assertNotEquals(0, daemon.exitValue());
    }

    /** Writes one document, restarts the daemon on the same file and port, counts what is left. */
    private long countAfterRestart(String backend) throws Exception {
        int port = FreePorts.next();
        String uri = "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=5000";
        Process first = start(backend, port);
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("backend_it").getCollection("markers").insertOne(new Document("_id", "marker"));
        } finally {
            stop(first);
        }
        Process second = start(backend, port);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> markers = client.getDatabase("backend_it").getCollection("markers");
            return markers.countDocuments(new Document("_id", "marker"));
        } finally {
            stop(second);
        }
    }

    private Process start(String backend, int port) throws IOException, InterruptedException {
        String classpath = Files.readString(Path.of("target", "classpath.txt")).trim();
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", classpath, MongoDaemon.class.getName(), "--owner-pid=" + ProcessHandle.current().pid(),
                "--host=127.0.0.1", "--port=" + port, "--file=" + dir.resolve("data.mv"), "--backend=" + backend))
                .redirectErrorStream(true).redirectOutput(dir.resolve(backend + ".log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        return process;
    }

    /** SIGTERM: the daemon's shutdown hook closes the backend (the file is flushed, as at the end of a run). */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }

}
