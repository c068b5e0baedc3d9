package com.autopilotmonster.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The infrastructure as the build, the run script and tests see it. State (pid files, owner, the daemons'
 * classpath, data, logs) lives in one directory, so a test JVM can stop and restart what the build started.
 */
public final class Infra {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private Infra() {
    }

    /** Starts each component that does not answer yet; returns one report line per component. */
    public static java.util.List<String> ensure(long ownerPid) {
        Path state = InfraSettings.stateDir();
        Daemons daemons = new Daemons(state);
        boolean othersRunning = java.util.Arrays.stream(Component.values()).anyMatch(c -> daemons.running(c).isPresent());
        try {
            Files.createDirectories(state);
            // a run that already owns daemons keeps owning them (and restarts of them)
            if (!othersRunning) {
                Files.writeString(state.resolve("owner.pid"), Long.toString(ownerPid));
            }
            // the daemons' classpath for later restarts: this launcher's, when it can run every component (a
            // newer build adding one replaces an older run's), never a test JVM's narrower one
            if (!othersRunning || canRunAll()) {
                Files.writeString(state.resolve("classpath.txt"), System.getProperty("java.class.path"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long effectiveOwner = othersRunning ? ownerPid() : ownerPid;
        java.util.List<String> report = new java.util.ArrayList<>();
        java.util.List<Component> starting = new java.util.ArrayList<>();
        for (Component c : Component.values()) {
            if (Probes.answers(c)) {
                report.add(line(c, daemons.running(c).isPresent() ? "already running (ours)" : "already running (not ours)"));
            } else {
                long pid = spawn(daemons, c, effectiveOwner);
                starting.add(c);
                report.add(line(c, "started (pid " + pid + ")"));
            }
        }
        for (Component c : starting) {
            awaitReady(daemons, c);
        }
        return report;
    }

    private static boolean canRunAll() {
        try {
            for (Component c : Component.values()) {
                Class.forName(c.mainClass, false, Infra.class.getClassLoader());
            }
            Class.forName("org.apache.kafka.clients.admin.Admin", false, Infra.class.getClassLoader());
            Class.forName("io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest", false,
                    Infra.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public static void ensure() {
        ensure(ownerPid());
    }

    /** Stops a component this build started; refuses to touch one it did not start. */
    public static void stop(String component) {
        Component c = Component.of(component);
        Daemons daemons = new Daemons(InfraSettings.stateDir());
        if (daemons.running(c).isEmpty()) {
            throw new IllegalStateException(c.id + " was not started by this build (" + c.address()
                    + "); refusing to stop it");
        }
        try {
            daemons.stop(c, Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Probes.tcp(c.port()) && System.nanoTime() < deadline) {
            sleep(200);
        }
    }

    /** Starts a component again with the build's owner and classpath, and waits until it answers. */
    public static void start(String component) {
        Component c = Component.of(component);
        Daemons daemons = new Daemons(InfraSettings.stateDir());
        if (Probes.answers(c)) {
            return;
        }
        spawn(daemons, c, ownerPid());
        awaitReady(daemons, c);
    }

    public static boolean isOwned(String component) {
        return new Daemons(InfraSettings.stateDir()).running(Component.of(component)).isPresent();
    }

    public static boolean isUp(String component) {
        return Probes.answers(Component.of(component));
    }

    public static String address(String component) {
        return Component.of(component).address();
    }

    public static String mailApiUrl() {
        return "http://" + InfraSettings.host() + ":" + Component.mailApiPort();
    }

    /** Stops every component this build started. */
    public static java.util.List<String> down() {
        Daemons daemons = new Daemons(InfraSettings.stateDir());
        java.util.List<String> report = new java.util.ArrayList<>();
        for (Component c : Component.values()) {
            try {
                if (daemons.stop(c, Duration.ofSeconds(20))) {
                    report.add(line(c, "stopped"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
        }
        return report;
    }

    public static java.util.List<String> status() {
        Daemons daemons = new Daemons(InfraSettings.stateDir());
        java.util.List<String> report = new java.util.ArrayList<>();
        for (Component c : Component.values()) {
            boolean up = Probes.answers(c);
            String owner = daemons.running(c).map(p -> "ours, pid " + p.pid()).orElse("not ours");
            report.add(line(c, (up ? "UP" : "DOWN") + (up || daemons.running(c).isPresent() ? " (" + owner + ")" : "")));
        }
        return report;
    }

    private static long spawn(Daemons daemons, Component c, long ownerPid) {
        try {
            return daemons.start(c, ownerPid, classpath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + c.id, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReady(Daemons daemons, Component c) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Probes.answers(c)) {
                return;
            }
            if (daemons.running(c).isEmpty()) {
                throw new IllegalStateException(c.id + " exited during start-up; see " + daemons.logFile(c));
            }
            sleep(300);
        }
        throw new IllegalStateException(c.id + " not ready within " + READY_TIMEOUT.toSeconds() + " s; see "
                + daemons.logFile(c));
    }

    private static long ownerPid() {
        return readState("owner.pid").map(Long::parseLong)
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .orElseGet(() -> ProcessHandle.current().parent().map(ProcessHandle::pid)
                        .orElse(ProcessHandle.current().pid()));
    }

    private static String classpath() {
        return readState("classpath.txt").orElse(System.getProperty("java.class.path"));
    }

    private static Optional<String> readState(String file) {
        Path path = InfraSettings.stateDir().resolve(file);
        try {
            return Files.exists(path) ? Optional.of(Files.readString(path).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String line(Component c, String what) {
        return String.format("%-6s %-18s %s", c.id, c.address(), what);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
