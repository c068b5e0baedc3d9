package com.autopilotmonster.common.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.common.problem.StoreOutages;
import com.autopilotmonster.testsupport.TcpRelay;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store that is up but stops answering (stalled, frozen, a network path that drops everything) must not hold a
 * request longer than the client's operation bound: the services' client, as {@link MongoClientProducer} makes it,
 * gives up within its {@code mongodb.operation-timeout-ms} with an exception {@link StoreOutages} answers as a 503.
 * With only the earlier 10 s socket read timeout the read below waited 10 s. A Mongo-wire server behind a
 * {@link TcpRelay} that, once stalled, keeps every connection open but forwards nothing.
 */
class StalledStoreTest {

    private final MongoServer store = new MongoServer(H2Backend.inMemory());
    private TcpRelay relay;
    private MongoClient client;

    @BeforeEach
    void start() throws IOException {
        InetSocketAddress address = store.bind();
        relay = new TcpRelay("127.0.0.1", address.getPort());
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
        assertEndsAsAnOutageInTime("read", orders -> orders.find(new Document("_id", "o1")).first());
    }

    @Test
    void aWriteOnAStalledStoreEndsWithinTheOperationBoundAsAnOutage() {
        assertEndsAsAnOutageInTime("write",
                orders -> orders.updateOne(new Document("_id", "o1"), new Document("$set", new Document("paid", true))));
    }

    /** Stores one order, stalls the store, and times {@code operation} on the orders. */
    private void assertEndsAsAnOutageInTime(String what, Consumer<MongoCollection<Document>> operation) {
        MongoCollection<Document> orders = client.getDatabase("stalled").getCollection("orders");
        orders.insertOne(new Document("_id", "o1"));
        relay.stall();
        long began = System.nanoTime();
        MongoException failure = assertThrows(MongoException.class, () -> operation.accept(orders));
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertTrue(took.compareTo(Duration.ofMillis(3500)) < 0, "the " + what + " waited " + took.toMillis() + " ms");
        assertEquals(Optional.of("database"), StoreOutages.outage(failure), "not answered as an outage: " + failure);
    }
}
