package com.autopilotmonster.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) whose data lives in an H2 MVStore file, so it survives
 * restarts. No real mongod can be installed here; production points MONGODB_URI at real MongoDB.
 */
public final class MongoDaemon {

    private MongoDaemon() {
    }

    public static void main(String[] args) throws Exception {
        long owner = Long.parseLong(OwnerWatchdog.required(args, "owner-pid"));
        Path file = Path.of(OwnerWatchdog.required(args, "file"));
        Files.createDirectories(file.getParent());
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        Runnable stop = () -> {
            server.shutdownNow();
            backend.close();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop));
        OwnerWatchdog.watch(owner, () -> { });
        server.bind(OwnerWatchdog.required(args, "host"), Integer.parseInt(OwnerWatchdog.required(args, "port")));
        System.out.println("mongo-java-server (H2 file " + file + ") listening on " + server.getLocalAddress());
        Thread.currentThread().join();
    }
}
