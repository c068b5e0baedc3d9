package com.autopilotmonster.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * CPU time of the processes a journey runs through (each Liberty server by name, the store, Kafka, Redis, this load
 * generator), read before and after a measured run: on a 2-core machine shared by all of them, a throughput figure
 * is bounded by the CPU one unit of work costs, and this says which process spends it.
 */
final class ProcessCpu {

    private final Map<String, Duration> byProcess;

    private ProcessCpu(Map<String, Duration> byProcess) {
        this.byProcess = byProcess;
    }

    static ProcessCpu now() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        ProcessHandle.allProcesses().forEach(p -> name(p).ifPresent(name -> p.info().totalCpuDuration()
                .ifPresent(d -> cpu.merge(name, d, Duration::plus))));
        return new ProcessCpu(cpu);
    }

    /** "platform 70.1, store 30.2, ... = total 121.9" in milliseconds of CPU per unit, largest first. */
    String perUnit(ProcessCpu before, long units) {
        if (units <= 0) {
            return "-";
        }
        StringJoiner parts = new StringJoiner(", ");
        double total = 0;
        List<Map.Entry<String, Duration>> spent = byProcess.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().minus(before.byProcess.getOrDefault(e.getKey(), Duration.ZERO))))
                .filter(e -> !e.getValue().isNegative() && !e.getValue().isZero())
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .toList();
        for (Map.Entry<String, Duration> e : spent) {
            double ms = e.getValue().toNanos() / 1e6 / units;
            total += ms;
            parts.add(String.format("%s %.1f", e.getKey(), ms));
        }
        return parts + String.format(" = total %.1f", total);
    }

    /** What a process is in the platform's terms, or empty for a process the journey does not touch. */
    private static Optional<String> name(ProcessHandle p) {
        if (p.pid() == ProcessHandle.current().pid()) {
            return Optional.of("load generator");
        }
        List<String> args = arguments(p);
        int server = indexOfEnding(args, "ws-server.jar");
        if (server >= 0 && server + 1 < args.size()) {
            return Optional.of(args.get(server + 1));
        }
        for (String arg : args) {
            if (arg.contains("redis-server")) {
                return Optional.of("Redis");
            }
            if (arg.endsWith(".MongoDaemon")) {
                return Optional.of("store");
            }
            if (arg.endsWith(".KafkaDaemon")) {
                return Optional.of("Kafka");
            }
        }
        return Optional.empty();
    }

    /**
     * The whole command line from {@code /proc}: {@code ProcessHandle.Info.arguments()} stops at a page, before the
     * main class of a JVM with a long class path (the local infrastructure's daemons).
     */
    private static List<String> arguments(ProcessHandle p) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static int indexOfEnding(List<String> args, String suffix) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).endsWith(suffix)) {
                return i;
            }
        }
        return -1;
    }
}
