package com.autopilotmonster.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        int port = freePort();
        Process daemon = start(port);
        try {
            assertTrue(answersPing(port, Duration.ofSeconds(30)), "Redis never answered on " + port);
            daemon.destroyForcibly(); // SIGKILL: no shutdown hook runs
            daemon.waitFor(30, TimeUnit.SECONDS);
            assertTrue(refuses(port, Duration.ofSeconds(5)),
                    "redis-server still listens on " + port + " after its daemon was killed");
        } finally {
            daemon.destroyForcibly();
            daemon.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** A second daemon on a port Redis already holds must not pose as a running Redis. */
    @Test
    void aDaemonWhoseRedisCannotStartEnds() throws Exception {
        int port = freePort();
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
                "--host=127.0.0.1", "--port=" + port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private static boolean answersPing(int port, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(1000);
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] answer = socket.getInputStream().readNBytes(7);
                if (new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean refuses(int port, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                Thread.sleep(100);
            } catch (IOException refused) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
