package com.autopilotmonster.infra.standby;

import com.autopilotmonster.infra.FreePorts;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A service's two servers on one port: the active one listens, the standby has started the same applications
 * (with their Kafka consumers and outbox relays, like any second instance) but listens only on a private loopback
 * port, where the supervisor warms it up. When
 * the active one dies the standby opens the port - about a second, against the tens of seconds of a cold Liberty
 * start - and the dead one is started again as the new standby. The pair's state is written to
 * {@code usr/servers/.standby/SERVICE.properties} for whoever kills servers on purpose (the fault suite).
 */
final class StandbyPair {

    private final String service;
    private final Path stateFile;
    private LibertyServer active;
    private LibertyServer standby;
    private boolean standbyReady;
    private int failovers;
    private Instant lastFailover;
    private Instant standbyReadyAt;
    private int standbyPort;

    StandbyPair(Path wlp, String service) {
        this.service = service;
        this.active = new LibertyServer(wlp, service);
        this.standby = new LibertyServer(wlp, service + "-standby");
        this.stateFile = wlp.resolve("usr/servers/.standby").resolve(service + ".properties");
    }

    String service() {
        return service;
    }

    synchronized LibertyServer active() {
        return active;
    }

    synchronized LibertyServer standby() {
        return standby;
    }

    /** Before the standby's first start: the primary (already running or about to) listens, the copy does not. */
    synchronized void prepare() {
        standby.copyConfigurationOf(active);
        active.listenAsActive();
        standbyPort = FreePorts.next(); // a local run: nothing races for it
        standby.listenAsStandby(standbyPort);
        write();
    }

    /**
     * The active server died: the standby takes the port, the dead server becomes the standby (not yet ready).
     * Returns the server to start again.
     */
    synchronized LibertyServer failOver() {
        LibertyServer dead = active;
        standby.listenAsActive();
        standbyPort = FreePorts.next(); // a local run: nothing races for it
        dead.listenAsStandby(standbyPort);
        active = standby;
        standby = dead;
        standbyReady = false;
        standbyReadyAt = null;
        failovers++;
        lastFailover = Instant.now();
        write();
        return dead;
    }

    /** Where the standby listens until it takes over (loopback). */
    synchronized int standbyPort() {
        return standbyPort;
    }

    synchronized void standbyReady(LibertyServer server) {
        if (server == standby) {
            standbyReady = true;
            standbyReadyAt = Instant.now();
            write();
        }
    }

    private void write() {
        String text = "# written by the standby supervisor\n"
                + "service=" + service + "\n"
                + "supervisorPid=" + ProcessHandle.current().pid() + "\n"
                + "active=" + active.name() + "\n"
                + "standby=" + standby.name() + "\n"
                + "standbyReady=" + standbyReady + "\n"
                + "standbyPort=" + standbyPort + "\n"
                + "standbyReadyAt=" + (standbyReadyAt == null ? "" : standbyReadyAt) + "\n"
                + "failovers=" + failovers + "\n"
                + "lastFailover=" + (lastFailover == null ? "" : lastFailover) + "\n";
        WholeFile.write(stateFile, text);
    }
}
