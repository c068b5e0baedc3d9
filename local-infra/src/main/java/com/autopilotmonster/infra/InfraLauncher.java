package com.autopilotmonster.infra;

import com.autopilotmonster.infra.standby.StandbySupervisor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Command line of the local infrastructure:
 * <pre>
 *   ensure [--owner-pid=N]   start what does not answer yet (owner: N, else this launcher's parent process)
 *   up                       ensure, then stay in the foreground until Ctrl-C; stops what it started
 *   down                     stop every component this build/run started
 *   status                   address, UP/DOWN and owner of each component
 *   stop|start COMPONENT     one of kafka, mongo, redis, smtp, collector
 *   standby --wlp=DIR [--owner-pid=N] SERVICE...
 *                            a hot standby per service's Liberty server, taking over its port when it dies
 *                            ({@link StandbySupervisor}); in the foreground until the owner is gone
 * </pre>
 */
public final class InfraLauncher {

    private InfraLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        // the launcher's own Kafka admin probes would otherwise print their whole configuration
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String command = args.length == 0 ? "status" : args[0];
        try {
            switch (command) {
                case "ensure" -> print(Infra.ensure(owner(args)));
                case "up" -> up();
                case "down" -> print(Infra.down());
                case "status" -> print(Infra.status());
                case "stop" -> {
                    Infra.stop(component(args));
                    System.out.println(component(args) + " stopped");
                }
                case "start" -> {
                    Infra.start(component(args));
                    System.out.println(component(args) + " up at " + Infra.address(component(args)));
                }
                case "standby" -> standby(args);
                default -> usage();
            }
        } catch (RuntimeException e) {
            System.err.println("infra: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void up() throws InterruptedException {
        long self = ProcessHandle.current().pid();
        print(Infra.ensure(self));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> print(Infra.down())));
        System.out.println("infrastructure up; Ctrl-C stops what was started here");
        Thread.currentThread().join();
    }

    private static void standby(String[] args) throws InterruptedException {
        List<String> services = Arrays.stream(args).skip(1).filter(a -> !a.startsWith("--")).toList();
        if (services.isEmpty()) {
            usage();
        }
        StandbySupervisor supervisor = new StandbySupervisor(Path.of(OwnerWatchdog.required(args, "wlp")), services,
                Duration.ofMillis(100), Duration.ofSeconds(600), 3);
        OwnerWatchdog.watch(owner(args), () -> { });
        supervisor.startStandbys();
        System.out.println("standby supervisor: watching " + String.join(", ", services));
        supervisor.watch();
    }

    private static long owner(String[] args) {
        return OwnerWatchdog.arg(args, "owner-pid").map(Long::parseLong).orElseGet(
                () -> ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(ProcessHandle.current().pid()));
    }

    private static String component(String[] args) {
        if (args.length < 2) {
            usage();
        }
        return args[1];
    }

    private static void print(List<String> lines) {
        lines.forEach(System.out::println);
    }

    private static void usage() {
        System.err.println("usage: InfraLauncher ensure [--owner-pid=N] | up | down | status | stop|start kafka|mongo|redis|smtp|collector"
                + " | standby --wlp=DIR [--owner-pid=N] SERVICE...");
        System.exit(2);
    }
}
