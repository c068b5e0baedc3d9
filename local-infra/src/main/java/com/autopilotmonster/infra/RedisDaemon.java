package com.autopilotmonster.infra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import redis.embedded.RedisServer;

/**
 * Runs a real Redis: Debian's redis-server when it is on the PATH, else the binary bundled in the
 * embedded-redis jar. Nothing is persisted: Redis holds caches, rate-limit counters and deny-lists.
 */
public final class RedisDaemon {

    private RedisDaemon() {
    }

    public static void main(String[] args) throws Exception {
        long owner = Long.parseLong(OwnerWatchdog.required(args, "owner-pid"));
        String host = OwnerWatchdog.required(args, "host");
        int port = Integer.parseInt(OwnerWatchdog.required(args, "port"));
        Path system = findOnPath("redis-server");
        Runnable stop;
        if (system != null) {
            Process redis = new ProcessBuilder(List.of(system.toString(), "--port", Integer.toString(port), "--bind",
                    host, "--save", "", "--appendonly", "no", "--daemonize", "no"))
                    .inheritIO().start();
            stop = redis::destroy;
            System.out.println("redis-server " + system + " on " + host + ":" + port);
        } else {
            RedisServer redis = RedisServer.newRedisServer().port(port).bind(host)
                    .setting("save \"\"").setting("appendonly no").build();
            redis.start();
            stop = () -> {
                try {
                    redis.stop();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            };
            System.out.println("embedded redis on " + host + ":" + port);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop));
        OwnerWatchdog.watch(owner, () -> { });
        Thread.currentThread().join();
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
