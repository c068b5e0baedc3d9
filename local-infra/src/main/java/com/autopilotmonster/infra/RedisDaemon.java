package com.autopilotmonster.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import redis.embedded.core.ExecutableProvider;

/**
 * Runs a real Redis: Debian's redis-server when it is on the PATH, else the binary bundled in the
 * embedded-redis jar. Nothing is persisted: Redis holds caches, rate-limit counters and deny-lists.
 *
 * <p>redis-server is a child process, but the pid file names this JVM, and a SIGKILL of a JVM runs no shutdown
 * hook: without more, the child would outlive its daemon and go on answering on the port (a fault suite
 * "killing Redis" then killed nothing, and the next daemon could not bind). So the child is started through
 * util-linux's {@code setpriv --pdeathsig KILL} where it exists (every Linux), and the kernel kills it with its
 * parent; and this daemon ends when its child ends, so a Redis that could not start is not hidden behind a
 * live pid.
 */
public final class RedisDaemon {

    private RedisDaemon() {
    }

    public static void main(String[] args) throws Exception {
        long owner = Long.parseLong(OwnerWatchdog.required(args, "owner-pid"));
        String host = OwnerWatchdog.required(args, "host");
        int port = Integer.parseInt(OwnerWatchdog.required(args, "port"));
        Path system = findOnPath("redis-server");
        File executable = system != null ? system.toFile() : ExecutableProvider.newJarResourceProvider().get();
        Process redis = new ProcessBuilder(command(executable, host, port, findOnPath("setpriv")))
                .inheritIO().start();
        System.out.println((system != null ? "redis-server " : "embedded redis ") + executable + " on " + host + ":"
                + port + " (pid " + redis.pid() + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(redis::destroy));
        OwnerWatchdog.watch(owner, () -> { });
        int exit = redis.waitFor();
        System.out.println("redis-server ended with exit code " + exit);
        System.exit(exit == 0 ? 1 : exit);
    }

    /** The child's command line: tied to this JVM's life through {@code setpriv} when there is one. */
    static List<String> command(File executable, String host, int port, Path setpriv) throws IOException {
        List<String> command = new ArrayList<>();
        if (setpriv != null) {
            command.addAll(List.of(setpriv.toString(), "--pdeathsig", "KILL", "--"));
        }
        if (!executable.canExecute() && !executable.setExecutable(true)) {
            throw new IOException("cannot make " + executable + " executable");
        }
        command.addAll(List.of(executable.toString(), "--port", Integer.toString(port), "--bind", host,
                "--save", "", "--appendonly", "no", "--daemonize", "no"));
        return command;
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
