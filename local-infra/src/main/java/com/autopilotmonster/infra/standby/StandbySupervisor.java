package com.autopilotmonster.infra.standby;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Keeps a hot standby next to each service's server of the nine-server local run ({@code ./platform run --separate
 * --standby}, {@code ./platform chaos}) and lets it take over the port when the active server dies. Polls the pid
 * files every {@code pollInterval}: a pid file whose process is gone is a death (an orderly {@code server stop}
 * removes the file, so stopping the platform is not mistaken for one). Standbys are started a few at a time, as a
 * cold Liberty start on a small machine is mostly CPU. A started standby is warmed up ({@link StandbyWarmup}) before
 * it counts as ready.
 */
public final class StandbySupervisor {

    private final List<StandbyPair> pairs;
    private final Duration pollInterval;
    private final Duration startTimeout;
    private final Semaphore starting;
    private final StandbyWarmup warmup = new StandbyWarmup(Duration.ofSeconds(30));
    /** Servers with a start under way (by identity): never two starts of one server. */
    private final Set<LibertyServer> inStart = ConcurrentHashMap.newKeySet();
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "standby-start");
        t.setDaemon(true);
        return t;
    });

    public StandbySupervisor(Path wlp, List<String> services, Duration pollInterval, Duration startTimeout,
                             int parallelStarts) {
        this.pairs = services.stream().map(s -> new StandbyPair(wlp, s)).toList();
        this.pollInterval = pollInterval;
        this.startTimeout = startTimeout;
        this.starting = new Semaphore(parallelStarts);
    }

    /** Writes each pair's roles and starts every standby (not waited for). */
    public void startStandbys() {
        for (StandbyPair pair : pairs) {
            pair.prepare();
            LibertyServer standby = pair.standby();
            if (standby.process().isEmpty()) {
                startInBackground(pair, standby);
            } else {
                pair.standbyReady(standby); // left running by an earlier supervisor with the same roles
            }
        }
    }

    /** Watches until interrupted. */
    public void watch() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            checkOnce();
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /** One look at every pair: a dead active server is replaced by its standby and started again as the standby. */
    void checkOnce() {
        for (StandbyPair pair : pairs) {
            LibertyServer active = pair.active();
            if (active.died()) {
                LibertyServer dead = pair.failOver();
                log(pair.service() + ": " + dead + " died; " + pair.active() + " took over the port; starting " + dead
                        + " again as the standby");
                if (!pair.active().raisePriority()) {
                    log(pair.service() + ": could not raise " + pair.active() + "'s priority (renice needs privileges):"
                            + " it serves at nice " + LibertyServer.STANDBY_NICE);
                }
                startInBackground(pair, dead);
                LibertyServer now = pair.active();
                if (now.process().isEmpty() && !inStart.contains(now)) {
                    // the standby was not running (its own start had failed): nobody would hold the port
                    log(pair.service() + ": " + now + " took over but was not running; starting it");
                    startInBackground(pair, now);
                }
            }
        }
    }

    List<StandbyPair> pairs() {
        return pairs;
    }

    private void startInBackground(StandbyPair pair, LibertyServer server) {
        if (!inStart.add(server)) {
            return;
        }
        starter.execute(() -> {
            try {
                starting.acquire();
                try {
                    Object before = server.logIdentity();
                    Instant began = Instant.now();
                    Process start = server.start();
                    if (server.awaitReady(before, startTimeout)) {
                        long started = Duration.between(began, Instant.now()).toSeconds();
                        Instant warming = Instant.now();
                        int answered = warmup.warm(URI.create("http://127.0.0.1:" + pair.standbyPort() + "/"),
                                pair.service());
                        pair.standbyReady(server);
                        log(pair.service() + ": " + server + " ready as the standby in " + started + " s, warmed up in "
                                + Duration.between(warming, Instant.now()).toSeconds() + " s (" + answered
                                + " requests answered on its private port " + pair.standbyPort() + ")");
                    } else {
                        log(pair.service() + ": " + server + " not ready within " + startTimeout.toSeconds()
                                + " s; see " + server.dir().resolve("logs/messages.log"));
                    }
                    start.onExit().join();
                } finally {
                    starting.release();
                }
            } catch (IOException e) {
                log(pair.service() + ": cannot start " + server + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inStart.remove(server);
            }
        });
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }
}
