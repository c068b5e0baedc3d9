package com.autopilotmonster.infra.standby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor against a stand-in {@code wlp/bin/server}: "start" runs a long sleep as the server's process,
 * writes its pid file and a new messages.log that says the server is ready, as Liberty does; "stop" removes the pid
 * file first, as Liberty's orderly stop does. The roles are read from the files Liberty and the fault suite read.
 */
class StandbySupervisorTest {

    /** A server with a second endpoint, as the gateway's management one: the standby must bind neither port. */
    private static final String SERVER_XML = """
            <server description="order">
              <httpEndpoint id="managementEndpoint" host="127.0.0.1" httpPort="4040"/>
            </server>""";

    @TempDir
    Path wlp;

    private StandbySupervisor supervisor;

    @BeforeEach
    void fakeLiberty() throws Exception {
        Path bin = Files.createDirectories(wlp.resolve("bin"));
        Path script = bin.resolve("server");
        Files.writeString(script, """
                #!/usr/bin/env bash
                # stand-in for Liberty's server script: start NAME | stop NAME
                set -e
                WLP=$(cd "$(dirname "$0")/.." && pwd)
                dir="$WLP/usr/servers/$2"; pids="$WLP/usr/servers/.pid"
                mkdir -p "$dir/logs" "$pids"
                case "$1" in
                  start)
                    [ -f "$dir/logs/messages.log" ] && mv "$dir/logs/messages.log" "$dir/logs/messages_$(date +%s%N).log"
                    nohup sleep 300 >/dev/null 2>&1 &
                    echo $! > "$pids/$2.pid"
                    echo "CWWKF0011I: The $2 server is ready to run a smarter planet." > "$dir/logs/messages.log" ;;
                  stop)
                    # like Liberty: the server logs that it stopped and ends; the script removes the pid file after
                    pid=$(cat "$pids/$2.pid")
                    echo "CWWKE0036I: The server $2 stopped after 1 minutes, 0.548 seconds." >> "$dir/logs/messages.log"
                    kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
                    [ "${HOLD_PID_FILE:-}" = yes ] || rm -f "$pids/$2.pid" ;;
                esac
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path primary = wlp.resolve("usr/servers/order");
        Files.createDirectories(primary.resolve("apps"));
        Files.writeString(primary.resolve("server.xml"), SERVER_XML);
        Files.writeString(primary.resolve("apps/order-war.war.xml"), "<archive/>");
        run("start", "order");
        supervisor = new StandbySupervisor(wlp, List.of("order"), Duration.ofMillis(50), Duration.ofSeconds(20), 2);
    }

    @AfterEach
    void stopEverything() {
        for (String name : List.of("order", "order-standby")) {
            new LibertyServer(wlp, name).process().ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theStandbyIsACopyThatDoesNotListen() throws Exception {
        supervisor.startStandbys();
        awaitStandbyReady();

        assertEquals(SERVER_XML, Files.readString(server("order-standby").resolve("server.xml")));
        assertTrue(Files.exists(server("order-standby").resolve("apps/order-war.war.xml")));
        assertTrue(listening("order"));
        assertFalse(listening("order-standby"));
        Properties state = state();
        assertEquals("order", state.getProperty("active"));
        assertEquals("order-standby", state.getProperty("standby"));
        assertEquals("0", state.getProperty("failovers"));
    }

    @Test
    void whenTheActiveServerDiesTheStandbyTakesThePortAndTheDeadOneComesBackAsStandby() throws Exception {
        supervisor.startStandbys();
        awaitStandbyReady();
        ProcessHandle killed = new LibertyServer(wlp, "order").process().orElseThrow();

        killed.destroyForcibly(); // SIGKILL: the pid file stays behind
        killed.onExit().join();
        supervisor.checkOnce();

        assertTrue(listening("order-standby"), "the standby opens the port");
        if ("root".equals(System.getProperty("user.name"))) { // lowering a niceness needs privileges
            assertEquals(0, niceness(new LibertyServer(wlp, "order-standby").process().orElseThrow()),
                    "the server that now serves runs at normal priority");
        }
        assertFalse(listening("order"), "the dead server comes back without the port");
        Properties state = state();
        assertEquals("order-standby", state.getProperty("active"));
        assertEquals("order", state.getProperty("standby"));
        assertEquals("1", state.getProperty("failovers"));
        awaitStandbyReady();
        ProcessHandle restarted = new LibertyServer(wlp, "order").process().orElseThrow();
        assertNotEquals(killed.pid(), restarted.pid());
        assertEquals(LibertyServer.STANDBY_NICE, niceness(restarted), "a standby starts at low priority");

        supervisor.checkOnce(); // nothing died since: no second failover
        assertEquals("1", state().getProperty("failovers"));
    }

    @Test
    void anOrderlyStopIsNotADeath() throws Exception {
        supervisor.startStandbys();
        awaitStandbyReady();

        // the moment between the JVM's end and the script removing its pid file
        ProcessBuilder stop = new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", "order").inheritIO();
        stop.environment().put("HOLD_PID_FILE", "yes");
        assertEquals(0, stop.start().waitFor());
        supervisor.checkOnce();

        assertEquals("order", state().getProperty("active"));
        assertEquals("0", state().getProperty("failovers"));
        assertTrue(listening("order"));
    }

    private void awaitStandbyReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"true".equals(state().getProperty("standbyReady"))) {
            assertTrue(System.nanoTime() < deadline, "standby not ready: " + state());
            Thread.sleep(50);
        }
    }

    private Properties state() throws IOException {
        Properties p = new Properties();
        Path file = wlp.resolve("usr/servers/.standby/order.properties");
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
    }

    /**
     * Whether the role file makes the server the active one (both endpoints as server.xml has them) or the standby
     * (the management endpoint off, the default one on the private loopback port the state file names, HTTP only).
     */
    private boolean listening(String name) throws IOException {
        String xml = Files.readString(server(name).resolve(LibertyServer.ROLE_FILE));
        assertEquals(2, xml.split("<httpEndpoint ").length - 1, xml);
        if (xml.contains("<httpEndpoint id=\"managementEndpoint\" enabled=\"true\"/>")) {
            assertTrue(xml.contains("<httpEndpoint id=\"defaultHttpEndpoint\" enabled=\"true\"/>"), xml);
            return true;
        }
        assertTrue(xml.contains("<httpEndpoint id=\"managementEndpoint\" enabled=\"false\"/>"), xml);
        assertTrue(xml.contains("<httpEndpoint id=\"defaultHttpEndpoint\" enabled=\"true\" host=\"127.0.0.1\" httpPort=\""
                + state().getProperty("standbyPort") + "\" httpsPort=\"-1\"/>"), xml);
        return false;
    }

    /** Field 19 of /proc/PID/stat (after the parenthesised command name). */
    private static int niceness(ProcessHandle process) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    private Path server(String name) {
        return wlp.resolve("usr/servers").resolve(name);
    }

    private void run(String command, String name) throws Exception {
        Process p = new ProcessBuilder(wlp.resolve("bin/server").toString(), command, name).inheritIO().start();
        assertEquals(0, p.waitFor());
    }
}
