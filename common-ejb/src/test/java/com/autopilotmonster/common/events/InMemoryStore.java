package com.autopilotmonster.common.events;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The same Mongo-wire store the platform runs locally, in memory, for tests of the event classes. */
final class InMemoryStore implements AutoCloseable {

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private final MongoClient client;
    final MongoDatabase database;

    InMemoryStore() {
        client = MongoClients.create("mongodb://" + hostAndPort(server));
        database = client.getDatabase("events-test");
    }

    private static String hostAndPort(MongoServer server) {
        java.net.InetSocketAddress address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
