package com.autopilotmonster.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pid file of Redis names its daemon JVM, so what the fault suite kills is that JVM: Redis must go with it.
 * Before the child was tied to its parent, redis-server went on answering after a SIGKILL of the daemon (the
 * suite's "Redis SIGKILL 10 s" phase took nothing down; no readiness probe ever saw Redis DOWN). Runs its own
 * daemon on a free port; the shared Redis is not touched.
 */
class RedisDaemonIT {

    @TempDir
    Path dir;

    @Test
    void redisDiesWithItsDaemon() throws Exception {
        int port = FreePorts.next();
        Process daemon = start(port);
        List<ProcessHandle> redis = List.of();
        try {
            assertTrue(answersPing(port, Duration.ofSeconds(30)), "Redis never answered on " + port);
            redis = daemon.descendants().toList(); // an orphan is nobody's descendant: the clean-up needs them now
            daemon.destroyForcibly(); // SIGKILL: no shutdown hook runs
            daemon.waitFor(30, TimeUnit.SECONDS);
            assertTrue(refuses(port, Duration.ofSeconds(5)),
                    "redis-server still listens on " + port + " after its daemon was killed");
        } finally {
            daemon.destroyForcibly();
            redis.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** A second daemon on a port Redis already holds must not pose as a running Redis. */
    @Test
    void aDaemonWhoseRedisCannotStartEnds() throws Exception {
        int port = FreePorts.next();
        Process first = start(port);
        Process second = null;
        try {
            assertTrue(answersPing(port, Duration.ofSeconds(30)), "Redis never answered on " + port);
            second = start(port);
            assertTrue(second.waitFor(30, TimeUnit.SECONDS), "the second daemon kept running without its Redis");
            assertFalse(second.exitValue() == 0, "the second daemon ended as if all was well");
        } finally {
            first.destroy();
            first.waitFor(30, TimeUnit.SECONDS);
            if (second != null) {
                second.destroyForcibly();
            }
        }
    }

    private Process start(int port) throws IOException {
        String classpath = Files.readString(Path.of("target", "classpath.txt")).trim();
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", classpath, RedisDaemon.class.getName(), "--owner-pid=" + ProcessHandle.current().pid(),
                "--host=" + InfraSettings.host(), "--port=" + port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private static boolean answersPing(int port, Duration within) throws InterruptedException {
        return within(within, () -> Probes.redis(port));
    }

    private static boolean refuses(int port, Duration within) throws InterruptedException {
        return within(within, () -> !Probes.tcp(port));
    }

    private static boolean within(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
