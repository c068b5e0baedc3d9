package com.autopilotmonster.estate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One server of the estate: created with Liberty's own {@code server create}, given the module's
 * {@code server-config/servers/<name>/server.xml}, the packaged WAR copied byte for byte into {@code apps/}, and
 * variables in {@code server.env}. Nothing else: no bootstrap.properties, no jvm.options, no configDropins.
 */
final class EstateServer {

    final String name;
    final Path war;
    final int httpPort;
    final Map<String, String> env = new LinkedHashMap<>();
    /** SHA-256 of the built WAR at the moment it was deployed (a later rebuild of the module must not count). */
    String builtDigest;
    private final EstateInstallation estate;

    EstateServer(EstateInstallation estate, String name, Path war, int httpPort) {
        this.estate = estate;
        this.name = name;
        this.war = war;
        this.httpPort = httpPort;
    }

    Path dir() {
        return estate.wlp.resolve("usr/servers").resolve(name);
    }

    Path deployedWar() {
        return dir().resolve("apps").resolve(war.getFileName());
    }

    EstateServer env(String key, Object value) {
        env.put(key, String.valueOf(value));
        return this;
    }

    /** A fresh server: a previous run's server of the same name is stopped and removed first. */
    void create(Path serverConfig) {
        try {
            if (Files.exists(dir())) {
                run("stop");
                deleteTree(dir());
            }
            run("create");
            Files.copy(serverConfig.resolve("servers").resolve(name).resolve("server.xml"), dir().resolve("server.xml"),
                    StandardCopyOption.REPLACE_EXISTING);
            builtDigest = sha256(war);
            Files.copy(war, deployedWar());
            // server create wrote the keystore_password it generated (no final line break); the estate's variables follow
            Path serverEnv = dir().resolve("server.env");
            List<String> lines = new ArrayList<>(Files.readAllLines(serverEnv));
            env.forEach((key, value) -> lines.add(key + "=" + value));
            Files.write(serverEnv, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code server stop|create <name>}, waiting for it to return. */
    int run(String action) {
        Process process = launch(action);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("server " + action + " " + name + " did not return in 5 minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the server without waiting for {@code server start} to return: that command waits for every
     * application, which on a busy machine can take longer than any fixed limit; readiness is polled instead.
     */
    void start() {
        launch("start");
    }

    /**
     * {@code server <action> <name>} with a clean environment (PATH and JAVA_HOME only), so that nothing of the
     * build's own environment (e.g. PLATFORM_LOCAL) reaches the server: its settings come from server.env alone.
     */
    private Process launch(String action) {
        ProcessBuilder builder = new ProcessBuilder(estate.wlp.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(estate.wlp.resolve("usr/" + name + "-commands.log").toFile()));
        Map<String, String> environment = builder.environment();
        String path = environment.getOrDefault("PATH", "/usr/bin:/bin");
        String javaHome = environment.getOrDefault("JAVA_HOME", System.getProperty("java.home"));
        environment.clear();
        environment.put("PATH", path);
        environment.put("JAVA_HOME", javaHome);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's error and warning lines (Liberty message ids ending in E or W), for a failure message. */
    String problems() {
        Path log = dir().resolve("logs/messages.log");
        if (!Files.exists(log)) {
            return "(no messages.log)";
        }
        try (Stream<String> lines = Files.lines(log)) {
            return String.join("\n", lines.filter(l -> l.matches(".* [A-Z]{4,5}\\d{4}[EW]: .*") || l.contains(" SEVERE "))
                    .map(l -> l.length() > 400 ? l.substring(0, 400) + "..." : l).limit(20).toList());
        } catch (IOException e) {
            return "(messages.log unreadable: " + e + ")";
        }
    }

    /** True once the log says an application failed to start: waiting longer cannot help. */
    boolean applicationFailed() {
        Path log = dir().resolve("logs/messages.log");
        try {
            return Files.exists(log) && Files.readString(log).matches("(?s).*CWWKZ000[24]E.*");
        } catch (IOException e) {
            return false;
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public String toString() {
        return name + " (" + war.getFileName() + ", http " + httpPort + ")";
    }
}
