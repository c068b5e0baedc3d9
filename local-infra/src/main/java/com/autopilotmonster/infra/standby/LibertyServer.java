package com.autopilotmonster.infra.standby;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;

/**
 * One Liberty server of a {@code wlp} installation, seen from outside: its folder, its pid file, its
 * {@code messages.log}, and the one setting the supervisor changes - where its HTTP endpoints listen (its role).
 */
final class LibertyServer {

    /** The niceness a standby runs at until it takes over. */
    static final int STANDBY_NICE = 10;

    /** A config dropin Liberty watches (every 500 ms by default), so a running server follows a change at once. */
    static final String ROLE_FILE = "configDropins/overrides/endpoint-role.xml";

    /** What a standby is made of: the primary's configuration and its (loose) applications, not its state. */
    private static final List<String> CONFIGURATION = List.of("server.xml", "bootstrap.properties", "jvm.options",
            "server.env");

    private static final String DEFAULT_ENDPOINT = "defaultHttpEndpoint";

    private static final Pattern ENDPOINT = Pattern.compile("<httpEndpoint\\s[^>]*?\\bid=\"([^\"]+)\"");

    private final Path wlp;
    private final String name;

    LibertyServer(Path wlp, String name) {
        this.wlp = wlp;
        this.name = name;
    }

    String name() {
        return name;
    }

    Path dir() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    /**
     * The active role: every HTTP endpoint as server.xml declares it. The same server.xml serves both roles, only
     * this dropin differs; replacing it drops the standby's overrides below, and Liberty's config monitor moves the
     * endpoint to its port.
     */
    void listenAsActive() {
        StringBuilder xml = roleFile("the active server");
        for (String endpoint : endpoints()) {
            xml.append("  <httpEndpoint id=\"").append(endpoint).append("\" enabled=\"true\"/>\n");
        }
        WholeFile.write(dir().resolve(ROLE_FILE), xml.append("</server>\n"));
    }

    /**
     * The standby role: the service's ports stay free for the active server (every endpoint but the default one off:
     * two servers cannot bind one port, the gateway's management endpoint included), and the default endpoint
     * listens on {@code privatePort} of the loopback interface, plain HTTP only, where nobody but the supervisor
     * calls it: its warm-up takes the request paths once, so the first requests after a takeover do not load them.
     */
    void listenAsStandby(int privatePort) {
        StringBuilder xml = roleFile("the standby, warmed up on a private port");
        for (String endpoint : endpoints()) {
            if (DEFAULT_ENDPOINT.equals(endpoint)) {
                xml.append("  <httpEndpoint id=\"").append(endpoint).append("\" enabled=\"true\" host=\"127.0.0.1\" httpPort=\"")
                        .append(privatePort).append("\" httpsPort=\"-1\"/>\n");
            } else {
                xml.append("  <httpEndpoint id=\"").append(endpoint).append("\" enabled=\"false\"/>\n");
            }
        }
        WholeFile.write(dir().resolve(ROLE_FILE), xml.append("</server>\n"));
    }

    private static StringBuilder roleFile(String role) {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- written by the standby supervisor: "
                + role + " -->\n<server>\n");
    }

    /** The HTTP endpoints the server declares, and the default one every server has (shared base.xml). */
    Set<String> endpoints() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(DEFAULT_ENDPOINT);
        Path serverXml = dir().resolve("server.xml");
        try {
            if (Files.exists(serverXml)) {
                Matcher m = ENDPOINT.matcher(Files.readString(serverXml, StandardCharsets.UTF_8));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + serverXml, e);
        }
        return ids;
    }

    /** Makes this server a copy of {@code primary}'s configuration and applications (refreshed on every run). */
    void copyConfigurationOf(LibertyServer primary) {
        try {
            Files.createDirectories(dir().resolve("apps"));
            for (String file : CONFIGURATION) {
                Path from = primary.dir().resolve(file);
                if (Files.exists(from)) {
                    Files.copy(from, dir().resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (var apps = Files.list(primary.dir().resolve("apps"))) {
                for (Path app : apps.toList()) {
                    if (Files.isRegularFile(app)) {
                        Files.copy(app, dir().resolve("apps").resolve(app.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + primary.dir() + " to " + dir(), e);
        }
    }

    Optional<ProcessHandle> process() {
        Path pidFile = pidFile();
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Died without being stopped: a pid file whose process is gone, and a log that does not end with Liberty's
     * "server stopped" (CWWKE0036I). The {@code server stop} script removes the pid file only after the JVM has
     * ended, so the pid file alone cannot tell a stop from SIGKILL, a crash or the OOM killer.
     */
    boolean died() {
        return Files.exists(pidFile()) && process().isEmpty() && !logTail().contains("CWWKE0036I");
    }

    private String logTail() {
        try (RandomAccessFile file = new RandomAccessFile(log().toFile(), "r")) {
            long from = Math.max(0, file.length() - 4096);
            byte[] tail = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * {@code server start} in its own session (a Ctrl-C of whoever started the supervisor must not reach it) and
     * at nice {@value #STANDBY_NICE}: a standby serves nobody, and its cold start must not take the CPU from the
     * servers that do - in the fault suite the restart of a killed server slowed the takeover and every other
     * server's answers.
     */
    Process start() throws IOException {
        Path out = dir().resolve("standby-start.out");
        return new ProcessBuilder("nice", "-n", Integer.toString(STANDBY_NICE), "setsid",
                wlp.resolve("bin/server").toString(), "start", name)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    /**
     * Back to normal priority once it serves: niceness is per thread on Linux, so every thread of the JVM is
     * reniced (threads it starts later inherit it). Lowering a niceness needs privileges (root or RLIMIT_NICE):
     * false when it could not be done.
     */
    boolean raisePriority() {
        Optional<ProcessHandle> process = process();
        if (process.isEmpty()) {
            return false;
        }
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.get().pid()), "task"))) {
            List<String> command = new ArrayList<>(List.of("renice", "-n", "0", "-p"));
            tasks.map(t -> t.getFileName().toString()).forEach(command::add);
            Process renice = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return renice.waitFor() == 0;
        } catch (IOException | UncheckedIOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Identifies the current {@code messages.log}: Liberty renames the previous one when it starts. */
    Object logIdentity() {
        try {
            Path log = log();
            return Files.exists(log) ? Files.readAttributes(log, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Waits until a {@code messages.log} other than {@code before} says the server is ready (CWWKF0011I: every
     * application started): a standby cannot be asked over HTTP, it does not listen.
     */
    boolean awaitReady(Object before, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Object now = logIdentity();
            if (now != null && !now.equals(before) && logSaysReady()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private boolean logSaysReady() {
        try (var lines = Files.lines(log(), StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains("CWWKF0011I"));
        } catch (IOException | UncheckedIOException e) {
            return false; // being renamed or written
        }
    }

    private Path log() {
        return dir().resolve("logs/messages.log");
    }

    private Path pidFile() {
        return wlp.resolve("usr/servers/.pid").resolve(name + ".pid");
    }

    @Override
    public String toString() {
        return name;
    }
}
