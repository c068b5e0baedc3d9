package com.autopilotmonster.bench.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A service's pair of servers as the standby supervisor of {@code ./platform chaos} last wrote it
 * ({@code usr/servers/.standby/SERVICE.properties}, local-infra StandbySupervisor): which server holds the port,
 * and whether the other one is ready to take it. Absent when no supervisor is alive.
 */
record StandbyState(String active, String standby, boolean standbyReady, int failovers) {

    static Optional<StandbyState> read(Path wlp, String service) {
        Path file = wlp.resolve("usr/servers/.standby").resolve(service + ".properties");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean supervised = ProcessHandle.of(Long.parseLong(p.getProperty("supervisorPid", "0")))
                .map(ProcessHandle::isAlive).orElse(false);
        if (!supervised) {
            return Optional.empty(); // left behind by an earlier run: nobody would take over
        }
        return Optional.of(new StandbyState(p.getProperty("active"), p.getProperty("standby"),
                Boolean.parseBoolean(p.getProperty("standbyReady")), Integer.parseInt(p.getProperty("failovers", "0"))));
    }
}
