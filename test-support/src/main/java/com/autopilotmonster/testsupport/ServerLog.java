package com.autopilotmonster.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The messages.log of one of this build's Liberty servers ({@code target/liberty/wlp/usr/servers/<name>/logs}). */
public final class ServerLog {

    private ServerLog() {
    }

    public static String read(String server) throws IOException {
        return Files.readString(RepoPaths.root().resolve("target/liberty/wlp/usr/servers").resolve(server)
                .resolve("logs/messages.log"));
    }

    /** The server ran its start-up warm-up {@code name} (common-ejb {@code Warmups}) all the way, no step refused. */
    public static void assertWarmedUp(String server, String name) throws IOException {
        String log = read(server);
        assertTrue(Pattern.compile("warmed up in \\d+ ms: .*" + Pattern.quote(name) + " \\d+ ms").matcher(log).find(),
                server + " logged no warm-up of " + name);
        assertFalse(log.contains("warm-up " + name + " stopped early"), server + ": the warm-up of " + name
                + " stopped before the end");
    }
}
