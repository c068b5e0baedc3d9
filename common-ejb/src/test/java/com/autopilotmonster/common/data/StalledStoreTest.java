package com.autopilotmonster.common.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.common.problem.StoreOutages;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store that is up but stops answering (stalled, frozen, a network path that drops everything) must not hold a
 * request longer than the client's operation bound: the services' client, as {@link MongoClientProducer} makes it,
 * gives up within its {@code mongodb.operation-timeout-ms} with an exception {@link StoreOutages} answers as a 503.
 * With only the earlier 10 s socket read timeout the read below waited 10 s. A Mongo-wire server behind a TCP relay
 * that, once stalled, keeps every connection open but forwards nothing.
 */
class StalledStoreTest {

    private final MongoServer store = new MongoServer(H2Backend.inMemory());
    private StallingRelay relay;
    private MongoClient client;

    @BeforeEach
    void start() throws IOException {
        InetSocketAddress address = store.bind();
        relay = new StallingRelay(address.getPort());
        MongoClientProducer producer = new MongoClientProducer();
        producer.uri = "mongodb://127.0.0.1:" + relay.port();
        producer.database = "stalled";
        producer.timeoutMs = 1000;
        producer.operationTimeoutMs = 2000;
        client = producer.mongoClient();
    }

    @AfterEach
    void stop() {
        client.close();
        relay.close();
        store.shutdownNow();
    }

    @Test
    void aReadOnAStalledStoreEndsWithinTheOperationBoundAsAnOutage() {
        MongoCollection<Document> orders = client.getDatabase("stalled").getCollection("orders");
        orders.insertOne(new Document("_id", "o1"));
        relay.stall();
        long began = System.nanoTime();
        MongoException failure = assertThrows(MongoException.class, () -> orders.find(new Document("_id", "o1")).first());
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertTrue(took.compareTo(Duration.ofMillis(3500)) < 0, "the read waited " + took.toMillis() + " ms");
        assertEquals(Optional.of("database"), StoreOutages.outage(failure), "not answered as an outage: " + failure);
    }

    @Test
    void aWriteOnAStalledStoreEndsWithinTheOperationBoundAsAnOutage() {
        MongoCollection<Document> orders = client.getDatabase("stalled").getCollection("orders");
        orders.insertOne(new Document("_id", "o1"));
        relay.stall();
        long began = System.nanoTime();
        MongoException failure = assertThrows(MongoException.class,
                () -> orders.updateOne(new Document("_id", "o1"), new Document("$set", new Document("paid", true))));
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertTrue(took.compareTo(Duration.ofMillis(3500)) < 0, "the write waited " + took.toMillis() + " ms");
        assertEquals(Optional.of("database"), StoreOutages.outage(failure), "not answered as an outage: " + failure);
    }

    /** Forwards bytes both ways until {@link #stall}; then holds whatever arrives, and keeps every socket open. */
    private static final class StallingRelay implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0);
        private final int target;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean stalled;

        StallingRelay(int target) throws IOException {
            this.target = target;
            Thread acceptor = new Thread(this::accept, "relay-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void stall() {
            stalled = true;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket("127.0.0.1", target);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void pump(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        while (stalled) {
                            Thread.sleep(20);
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException | InterruptedException ended) {
                    // the relay or a side closed
                }
            }, "relay-pump");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            stalled = false;
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
