package com.autopilotmonster.bench.chaos;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The faults themselves: SIGKILL of an infrastructure daemon the build started (pid files in the infra state
 * directory, restarted through the InfraLauncher so it keeps the build's owner and data), SIGKILL of a Liberty
 * server (pid file in {@code wlp/usr/servers/.pid}, restarted with {@code server start}, inheriting the local
 * run's environment from {@code ./platform chaos}) and SIGSTOP/SIGCONT of one. With a standby supervisor
 * ({@link StandbyState}) the faults hit the server that holds the service's port, and the supervisor, not the
 * suite, starts a killed one again.
 */
final class Faults {

    private final ChaosSettings settings;
    private final List<Process> starts = new ArrayList<>();
    /** What an interrupted suite must put back: a daemon still down, a server still frozen. */
    private final java.util.Set<String> infraDown = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile String frozen;

    Faults(ChaosSettings settings) {
        this.settings = settings;
    }

    /** The daemon of {@code component} (kafka, mongo, redis) when this build started it. */
    Optional<ProcessHandle> infraDaemon(String component) {
        return pidIn(settings.infraDir().resolve(component + ".pid"));
    }

    void killInfra(String component) throws InterruptedException {
        ProcessHandle daemon = infraDaemon(component)
                .orElseThrow(() -> new IllegalStateException(component + " was not started by this build"));
        List<ProcessHandle> children = daemon.descendants().toList();
        infraDown.add(component);
        kill(daemon);
        // a daemon may run the component as its child (redis-server): the outage is real only if that died too
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        children.stream().filter(ProcessHandle::isAlive).findFirst().ifPresent(child -> {
            throw new IllegalStateException("killing the " + component + " daemon left its child " + child.pid() + " ("
                    + child.info().command().orElse("?") + ") running: no outage happened");
        });
    }

    /** Starts the component again through the InfraLauncher, in its own session, and waits until it answers. */
    void startInfra(String component) throws IOException, InterruptedException {
        String classpath = Files.readString(settings.infraClasspath()).trim();
        ProcessBuilder builder = new ProcessBuilder("setsid", javaBinary(), "-cp", classpath,
                "com.autopilotmonster.infra.InfraLauncher", "start", component)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("INFRA_DIR", settings.infraDir().toString());
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the InfraLauncher could not start " + component + " again; see "
                    + settings.infraDir().resolve("logs"));
        }
        infraDown.remove(component);
    }

    /** Kills the server holding {@code service}'s port (with a standby supervisor not necessarily the one named so). */
    void killServer(String service) throws InterruptedException {
        kill(namedServerProcess(activeServer(service)));
    }

    Optional<StandbyState> standby(String service) {
        return StandbyState.read(settings.wlp(), service);
    }

    /**
     * Waits until the supervisor reports {@code service}'s standby ready after at least {@code failovers}
     * failovers: false when it was not within the timeout (or no supervisor is alive any more).
     */
    boolean awaitStandbyReady(String service, int failovers, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StandbyState> state = standby(service);
            if (state.isEmpty()) {
                return false;
            }
            if (state.get().standbyReady() && state.get().failovers() >= failovers) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private String activeServer(String service) {
        return standby(service).map(StandbyState::active).orElse(service);
    }

    /** {@code server start NAME} in its own session (a Ctrl-C of the suite must not reach it), not waited for: the readiness probe tells when it serves again. */
    void startServer(String server) throws IOException {
        File log = settings.wlp().resolve("usr/servers").resolve(server).resolve("chaos-start.out").toFile();
        starts.add(new ProcessBuilder("setsid", settings.wlp().resolve("bin/server").toString(), "start", server)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log).start());
    }

    void freeze(String service) throws IOException, InterruptedException {
        String server = activeServer(service);
        frozen = server;
        signal("STOP", namedServerProcess(server));
    }

    /** Continues the server {@link #freeze} stopped. */
    void thaw() throws IOException, InterruptedException {
        String server = frozen;
        if (server != null) {
            signal("CONT", namedServerProcess(server));
            frozen = null;
        }
    }

    /**
     * For a suite stopped half-way (Ctrl-C): continues a frozen server and starts a killed daemon again, so the
     * shared infrastructure and the platform are left as they were found. Run from a shutdown hook.
     */
    void restore() {
        try {
            thaw();
            for (String component : List.copyOf(infraDown)) {
                startInfra(component);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not restore after the interruption: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the {@code server start} commands this suite ran. */
    void awaitStarts() throws InterruptedException {
        for (Process process : starts) {
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** The JVM holding {@code service}'s port, when it runs. */
    Optional<ProcessHandle> serverProcess(String service) {
        return pidIn(settings.wlp().resolve("usr/servers/.pid").resolve(activeServer(service) + ".pid"));
    }

    private ProcessHandle namedServerProcess(String server) {
        return pidIn(settings.wlp().resolve("usr/servers/.pid").resolve(server + ".pid"))
                .orElseThrow(() -> new IllegalStateException("no running Liberty server " + server));
    }

    private static void kill(ProcessHandle process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no orderly close
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("process " + process.pid() + " survived SIGKILL", e);
        }
    }

    private static void signal(String signal, ProcessHandle process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    private static Optional<ProcessHandle> pidIn(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
