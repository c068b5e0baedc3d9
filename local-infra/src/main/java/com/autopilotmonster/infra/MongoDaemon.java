package com.autopilotmonster.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server). Its backend is chosen by {@code STORE_BACKEND}:
 * {@code file} (default) keeps the data in an H2 MVStore file, so it survives restarts - also a SIGKILL, as each
 * write is on file before it is acknowledged ({@link JournaledH2Backend}); {@code memory} keeps it
 * in the heap only, so that a benchmark can tell which part of a figure is the local store's file. No real mongod
 * can be installed here; production points MONGODB_URI at real MongoDB.
 */
public final class MongoDaemon {

    /**
     * Threads that run commands. mongo-java-server runs each command on the Netty event loop of its connection, and
     * Netty's default is two loops per core: four here, each serving about seventeen of the fault suite's seventy
     * connections. One command that took seconds (a collection scan while the machine was loaded) held up every
     * other connection of its loop - pings too, which made unrelated servers report "503: mongodb", and the
     * drivers' heartbeats. A real mongod gives each connection its own thread; this many loops come close for the
     * connections a local platform opens (an idle loop costs a parked thread).
     */
    static final int COMMAND_THREADS = 128;

    private MongoDaemon() {
    }

    public static void main(String[] args) throws Exception {
        long owner = Long.parseLong(OwnerWatchdog.required(args, "owner-pid"));
        Path file = Path.of(OwnerWatchdog.required(args, "file"));
        String kind = OwnerWatchdog.arg(args, "backend").orElse("file");
        MongoBackend backend = switch (kind) {
            case "memory" -> new MemoryBackend();
            case "file" -> {
                Files.createDirectories(file.getParent());
                yield JournaledH2Backend.open(file.toString());
            }
            default -> throw new IllegalArgumentException("STORE_BACKEND must be file or memory, not " + kind);
        };
        MongoServer server = new MongoServer(backend);
        Runnable stop = () -> {
            server.shutdownNow();
            backend.close();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop));
        OwnerWatchdog.watch(owner, () -> { });
        bind(server, OwnerWatchdog.required(args, "host"), Integer.parseInt(OwnerWatchdog.required(args, "port")));
        System.out.println("mongo-java-server (" + ("memory".equals(kind) ? "memory backend, nothing kept"
                : "H2 file " + file) + ") listening on " + server.getLocalAddress());
        Thread.currentThread().join();
    }

    static void bind(MongoServer server, String host, int port) {
        server.bind(new InetSocketAddress(host, port), 1, COMMAND_THREADS);
    }
}
