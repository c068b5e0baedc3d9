package com.autopilotmonster.infra;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Starts and stops the daemon processes and keeps their pid files in the state directory. */
final class Daemons {

    private final Path state;

    Daemons(Path state) {
        this.state = state;
    }

    Path logFile(Component c) {
        return state.resolve("logs").resolve(c.id + ".log");
    }

    Optional<ProcessHandle> running(Component c) {
        Path pidFile = state.resolve(c.id + ".pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    long start(Component c, long ownerPid, String classpath) throws IOException, InterruptedException {
        Files.createDirectories(state.resolve("logs"));
        List<String> command = new ArrayList<>(List.of(javaBinary(), c.heap, "-XX:+UseSerialGC",
                "-Dslf4j.internal.verbosity=WARN", "-cp", classpath, c.mainClass, "--owner-pid=" + ownerPid,
                "--host=" + InfraSettings.host(), "--port=" + c.port()));
        switch (c) {
            case KAFKA -> command.add("--config=" + KafkaConfig.prepare(state, classpath, javaBinary()));
            case MONGO -> {
                command.add("--file=" + state.resolve("mongo").resolve("data.mv"));
                command.add("--backend=" + InfraSettings.value("store.backend", "STORE_BACKEND", "file"));
            }
            case SMTP -> command.add("--api-port=" + Component.mailApiPort());
            case COLLECTOR -> command.add("--file=" + state.resolve("traces").resolve("spans.jsonl"));
            case REDIS -> { }
        }
        Process process = new ProcessBuilder(command)
                .redirectInput(Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile(c).toFile()))
                .start();
        Files.writeString(state.resolve(c.id + ".pid"), Long.toString(process.pid()));
        return process.pid();
    }

    boolean stop(Component c, Duration timeout) throws InterruptedException {
        Optional<ProcessHandle> handle = running(c);
        if (handle.isEmpty()) {
            return false;
        }
        ProcessHandle process = handle.get();
        process.destroy();
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().join();
        }
        deletePidFile(c);
        return true;
    }

    void deletePidFile(Component c) {
        try {
            Files.deleteIfExists(state.resolve(c.id + ".pid"));
        } catch (IOException ignored) {
            // a stale pid file is re-checked for liveness anyway
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The single-node KRaft configuration, and its one-time storage format. */
    static final class KafkaConfig {
        private KafkaConfig() {
        }

        static Path prepare(Path state, String classpath, String java) throws IOException, InterruptedException {
            Path dir = state.resolve("kafka");
            Path data = dir.resolve("data");
            Files.createDirectories(data);
            String host = InfraSettings.host();
            int port = Component.KAFKA.port();
            int controller = port + 1;
            Properties p = new Properties();
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            p.setProperty("controller.quorum.voters", "1@" + host + ":" + controller);
            p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controller);
            p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
            p.setProperty("inter.broker.listener.name", "PLAINTEXT");
            p.setProperty("log.dirs", data.toString());
            p.setProperty("num.partitions", "1");
            p.setProperty("auto.create.topics.enable", "true");
            p.setProperty("offsets.topic.replication.factor", "1");
            p.setProperty("offsets.topic.num.partitions", "3");
            p.setProperty("transaction.state.log.replication.factor", "1");
            p.setProperty("transaction.state.log.min.isr", "1");
            p.setProperty("share.coordinator.state.topic.replication.factor", "1");
            p.setProperty("share.coordinator.state.topic.min.isr", "1");
            p.setProperty("group.initial.rebalance.delay.ms", "0");
            p.setProperty("log.retention.hours", "24");
            Path config = dir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(config)) {
                p.store(out, "single-node KRaft broker for local runs and tests");
            }
            if (!Files.exists(data.resolve("meta.properties"))) {
                String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
                Process format = new ProcessBuilder(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                        "-t", clusterId, "-c", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(state.resolve("logs").resolve("kafka.log").toFile()))
                        .start();
                if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    throw new IOException("formatting Kafka storage failed; see " + state.resolve("logs/kafka.log"));
                }
            }
            return config;
        }
    }
}
