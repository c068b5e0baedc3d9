package com.autopilotmonster.estate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server whose WAR consumes Kafka events keeps threads for HTTP: each {@code @Incoming} channel's poll loop holds
 * one thread of Liberty's default executor while it polls, so the executor's core size must exceed the channels by
 * at least {@value #REQUEST_THREADS}. With Liberty's default (two threads per core) the fault suite found services
 * answering no request, not even readiness, for up to a minute (messaging.xml says more).
 */
class ExecutorSizeTest {

    /** Threads left for requests when every channel polls: the suite's readiness probes, the gateway's, and load. */
    private static final int REQUEST_THREADS = 16;

    private static final Pattern CHANNEL = Pattern.compile("@Incoming\\(");
    private static final Pattern CORE_THREADS = Pattern.compile(
            "<variable name=\"messaging.executor.core-threads\" defaultValue=\"(\\d+)\"/>");

    /** Every server whose WAR consumes events, as ServerFeaturesTest requires (messaging.xml exactly then). */
    static Stream<Arguments> consumers() {
        return ServerFeaturesTest.servers().filter(a -> consumes((String) a.get()[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consumers")
    void theExecutorKeepsThreadsForRequestsWhenEveryChannelPolls(String server, String module) throws IOException {
        Path root = root();
        String serverXml = Files.readString(root.resolve("server-config/servers").resolve(server).resolve("server.xml"));
        assertTrue(serverXml.contains("/messaging.xml\""), server + " consumes events through messaging.xml");
        String messaging = Files.readString(root.resolve("server-config/shared/messaging.xml"));
        assertTrue(messaging.contains("<executor coreThreads=\"${messaging.executor.core-threads}\"/>"),
                "messaging.xml sizes Liberty's executor");
        Matcher core = CORE_THREADS.matcher(messaging);
        assertTrue(core.find(), "messaging.xml gives messaging.executor.core-threads a default");

        long channels = channels(root.resolve(module).resolve("src/main/java"));
        int coreThreads = Integer.parseInt(core.group(1));
        assertTrue(coreThreads >= channels + REQUEST_THREADS, server + ": " + channels + " channels need at least "
                + (channels + REQUEST_THREADS) + " core threads, messaging.xml gives " + coreThreads);
    }

    private static Path root() {
        return Path.of(System.getProperty("root.dir", Path.of("").toAbsolutePath().getParent().toString()));
    }

    private static boolean consumes(String module) {
        try {
            return channels(root().resolve(module).resolve("src/main/java")) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long channels(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).mapToLong(ExecutorSizeTest::count).sum();
        }
    }

    private static long count(Path file) {
        try {
            return CHANNEL.matcher(Files.readString(file)).results().count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
