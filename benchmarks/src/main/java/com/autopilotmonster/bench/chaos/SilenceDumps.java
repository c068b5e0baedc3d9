package com.autopilotmonster.bench.chaos;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a server was doing while it answered nothing: when its readiness probes have gone unanswered for
 * {@link Readiness#SILENCE}, a thread dump of the JVM holding its port ({@code jcmd PID Thread.print}) and the
 * state of its threads from {@code /proc} go to {@code target/chaos-dumps/}. A JVM that cannot be attached to
 * either (stopped, or not scheduled at all) still gets the {@code /proc} part, which says which.
 */
final class SilenceDumps {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final Faults faults;
    private final Path directory;
    private final List<String> written = new ArrayList<>();

    SilenceDumps(Faults faults, Path directory) {
        this.faults = faults;
        this.directory = directory;
    }

    /** Called from a probe thread: the dump runs on its own thread, so the probes go on. */
    void silent(String service) {
        Thread dump = new Thread(() -> dump(service), "silence-dump-" + service);
        dump.setDaemon(true);
        dump.start();
    }

    synchronized List<String> written() {
        return List.copyOf(written);
    }

    private void dump(String service) {
        Optional<ProcessHandle> process = faults.serverProcess(service);
        if (process.isEmpty()) {
            return;
        }
        long pid = process.get().pid();
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(service + "-" + LocalTime.now().format(TIME) + ".txt");
            StringBuilder text = new StringBuilder("silent for " + Readiness.SILENCE.toSeconds() + " s: " + service
                    + " (pid " + pid + ")\n\n" + threadStates(pid) + "\n");
            File out = Files.createTempFile(directory, "jcmd", ".txt").toFile();
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "Thread.print").redirectErrorStream(true).redirectOutput(out).start();
            if (jcmd.waitFor(20, TimeUnit.SECONDS)) {
                text.append(Files.readString(out.toPath()));
            } else {
                jcmd.destroyForcibly();
                text.append("jcmd got no answer within 20 s (the JVM did not reach a safepoint or was not scheduled)\n");
            }
            Files.deleteIfExists(out.toPath());
            Files.writeString(file, text);
            synchronized (this) {
                written.add(file.getFileName().toString());
            }
        } catch (IOException e) {
            System.err.println("no thread dump of " + service + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The process state and how many of its threads are running (R), sleeping (S), in disk wait (D) or stopped (T). */
    private static String threadStates(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            java.util.Map<Character, Integer> states = new java.util.TreeMap<>();
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    states.merge(stat.charAt(stat.lastIndexOf(')') + 2), 1, Integer::sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
            String status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("State:") || l.startsWith("VmRSS:")).reduce("", (a, b) -> a + b + "\n");
            return status + "threads by state: " + states + "\n";
        } catch (IOException e) {
            return "no /proc entry: " + e.getMessage() + "\n";
        }
    }
}
