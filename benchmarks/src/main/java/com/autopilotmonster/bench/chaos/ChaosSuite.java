package com.autopilotmonster.bench.chaos;

import static com.autopilotmonster.bench.BenchHttp.ACCESS;
import static com.autopilotmonster.bench.BenchHttp.ID;
import static com.autopilotmonster.bench.BenchHttp.activeVendor;
import static com.autopilotmonster.bench.BenchHttp.match;
import static com.autopilotmonster.bench.BenchHttp.post;
import static com.autopilotmonster.bench.BenchHttp.put;
import static com.autopilotmonster.bench.BenchHttp.register;
import static com.autopilotmonster.bench.BenchHttp.send;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fault suite ({@code ./platform chaos}): a checkout load runs while, in turn, Kafka is killed for 30 s,
 * the store for 10 s, Redis (only when this build started it), each Liberty server is killed with SIGKILL and
 * started again, and one server is frozen with SIGSTOP. Readiness of every server is polled throughout.
 * Afterwards the orders, events, carts and sales counters are reconciled ({@link Reconciliation}) and one table
 * row per fault is printed (and written to {@code target/chaos-report.md} of the working directory).
 */
public final class ChaosSuite {

    /** Kept referenced: java.util.logging holds loggers weakly, and the Kafka client is chatty at INFO. */
    private static final Logger KAFKA_LOG = Logger.getLogger("org.apache.kafka");

    private final ChaosSettings settings;
    private final Faults faults;
    private final Readiness readiness;
    private final SilenceDumps dumps;
    private final List<FaultRow> rows = new ArrayList<>();
    private CheckoutLoad load;
    private String admin;

    private ChaosSuite(ChaosSettings settings) {
        this.settings = settings;
        this.faults = new Faults(settings);
        this.dumps = new SilenceDumps(faults, Path.of("target", "chaos-dumps"));
        this.readiness = new Readiness(settings.readiness(), dumps::silent);
    }

    public static void run() throws Exception {
        KAFKA_LOG.setLevel(Level.WARNING);
        ChaosSuite suite = new ChaosSuite(ChaosSettings.fromSystemProperties());
        Thread restore = new Thread(suite.faults::restore, "chaos-restore");
        Runtime.getRuntime().addShutdownHook(restore);
        boolean passed = suite.runAll();
        Runtime.getRuntime().removeShutdownHook(restore);
        System.exit(passed ? 0 : 1);
    }

    private boolean runAll() throws Exception {
        List<CheckoutLoad.Customer> customers = setUp();
        readiness.start();
        if (!awaitAllUp(Duration.ofSeconds(30))) {
            throw new IllegalStateException("not every server is ready; start the platform first (./platform run)");
        }
        load = new CheckoutLoad(settings, customers);
        load.warmUp();
        Instant began = Instant.now();
        System.out.printf("fault suite: %d customers, client timeout %d s, %d s of load between faults%n",
                customers.size(), settings.requestTimeout().toSeconds(), settings.steady().toSeconds());
        FaultRow baseline = phase("none (baseline)", null);
        baseline.faultStart = baseline.stats.start;
        baseline.faultLifted = baseline.stats.start;
        load.start();
        Faults.sleep(settings.steady());
        infraOutage("kafka", "Kafka", settings.kafkaOutage());
        infraOutage("mongo", "store (Mongo wire)", settings.storeOutage());
        infraOutage("redis", "Redis", settings.redisOutage());
        for (String server : settings.killed()) {
            killAndRestart(server);
        }
        freeze(settings.frozenServer());
        load.stop();
        faults.awaitStarts();
        System.out.printf("load and faults took %d s; reconciling ...%n", Duration.between(began, Instant.now()).toSeconds());
        for (FaultRow row : rows) {
            measureReadiness(row);
        }
        Reconciliation.Result result = new Reconciliation(settings, customers, admin).settle(rows);
        readiness.stop();
        String report = FaultTable.render(rows, result, settings, dumps.written());
        System.out.println(report);
        Path file = Path.of("target", "chaos-report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println("(written to " + file.toAbsolutePath() + ")");
        return result.consistent() && rows.stream().allMatch(r -> r.skipped != null || r.stats.hung() == 0)
                && rows.stream().allMatch(r -> r.withinLimit(settings.recoveryLimit()))
                && rows.stream().allMatch(r -> !r.standbyExpected || r.standbyBack != null);
    }

    /** An admin, an active vendor with one live product per customer, and the customers. */
    private List<CheckoutLoad.Customer> setUp() throws Exception {
        admin = match(ACCESS, send(post(settings.auth() + "/api/auth/login", null, "{\"email\":\""
                + System.getProperty("bench.admin.email", "admin@autopilot.local") + "\",\"password\":\""
                + System.getProperty("bench.admin.password", "local-admin-passphrase") + "\"}"), 200));
        String vendor = activeVendor(settings.auth(), settings.marketplace(), admin, "Chaos");
        List<CheckoutLoad.Customer> customers = new ArrayList<>();
        for (int i = 0; i < settings.customers(); i++) {
            String product = match(ID, send(post(settings.marketplace() + "/api/marketplace/products", vendor,
                    "{\"name\":\"Fault suite product " + i + "\",\"description\":\"fault suite\",\"price\":"
                            + (i + 10) + ".49,\"category\":\"automation\"}"), 201));
            send(put(settings.marketplace() + "/api/marketplace/products/" + product, admin, "{\"status\":\"active\"}"), 200);
            customers.add(new CheckoutLoad.Customer(register(settings.auth(), "user", "Chaos"), product));
        }
        return customers;
    }

    private FaultRow phase(String fault, String skipped) {
        PhaseStats stats = new PhaseStats(fault);
        if (skipped == null) {
            enterLoad(stats);
        }
        FaultRow row = new FaultRow(stats, skipped);
        rows.add(row);
        return row;
    }

    private void enterLoad(PhaseStats stats) {
        if (load != null) {
            load.enter(stats);
        }
    }

    private void infraOutage(String component, String label, Duration outage) throws Exception {
        String fault = label + " SIGKILL " + outage.toSeconds() + " s";
        if (faults.infraDaemon(component).isEmpty()) {
            String why = label + " on this machine was not started by this build (not ours): not stopped";
            System.out.println("skipped: " + fault + " - " + why);
            phase(fault, why);
            return;
        }
        System.out.println("fault: " + fault);
        FaultRow row = phase(fault, null);
        row.faultStart = Instant.now();
        faults.killInfra(component);
        Faults.sleep(outage);
        row.faultLifted = Instant.now();
        faults.startInfra(component);
        row.dependencyAnswered = Instant.now();
        afterFault();
    }

    private void killAndRestart(String server) throws Exception {
        Optional<StandbyState> standby = faults.standby(server);
        if (standby.isPresent()) {
            killWithStandby(server, standby.get());
            return;
        }
        System.out.println("fault: SIGKILL " + server + ", then server start");
        FaultRow row = phase("SIGKILL " + server + " + restart", null);
        row.target = server;
        row.faultStart = Instant.now();
        faults.killServer(server);
        row.faultLifted = Instant.now();
        faults.startServer(server);
        afterFault();
    }

    /**
     * The server holding the port is killed; its standby opens the port and the supervisor starts the killed one
     * again as the new standby. Nothing is lifted by the suite: readiness is timed from the kill. The next phase
     * waits until the new standby is ready, so each kill meets a service with a standby.
     */
    private void killWithStandby(String server, StandbyState before) throws Exception {
        if (!before.standbyReady() && !faults.awaitStandbyReady(server, before.failovers(), settings.readyTimeout())) {
            System.out.println("  " + server + "'s standby was not ready within " + settings.readyTimeout().toSeconds() + " s");
        }
        System.out.println("fault: SIGKILL " + server + " (" + before.active() + "), its standby takes over");
        FaultRow row = phase("SIGKILL " + server + ", standby takes over", null);
        row.standbyExpected = true;
        row.target = server;
        row.faultStart = Instant.now();
        faults.killServer(server);
        row.faultLifted = Instant.now();
        awaitRecovery();
        if (faults.awaitStandbyReady(server, before.failovers() + 1, settings.readyTimeout())) {
            row.standbyBack = Duration.between(row.faultStart, Instant.now());
        }
        Faults.sleep(settings.steady());
    }

    private void freeze(String server) throws Exception {
        System.out.println("fault: SIGSTOP " + server + " for " + settings.freeze().toSeconds() + " s");
        FaultRow row = phase("SIGSTOP " + server + " " + settings.freeze().toSeconds() + " s", null);
        row.target = server;
        row.faultStart = Instant.now();
        faults.freeze(server);
        try {
            Faults.sleep(settings.freeze());
        } finally {
            faults.thaw();
        }
        row.faultLifted = Instant.now();
        afterFault();
    }

    /** Waits until every server is ready again (or gives up after the ready timeout), then keeps the load on. */
    private void afterFault() throws InterruptedException {
        awaitRecovery();
        Faults.sleep(settings.steady());
    }

    private void awaitRecovery() throws InterruptedException {
        if (!awaitAllUp(settings.readyTimeout())) {
            System.out.println("  not every server was ready again within " + settings.readyTimeout().toSeconds() + " s");
        }
    }

    private boolean awaitAllUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread.sleep(1000); // the probes' first round, or the first probe after the fault was lifted
        while (!readiness.allUp()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(250);
        }
        return true;
    }

    /** Every spell of DOWN in the phase, and the timelines of the servers they were on. */
    private void measureReadiness(FaultRow row) {
        if (row.skipped != null || row.faultLifted == null) {
            return;
        }
        Instant end = row.stats.end;
        row.spells = readiness.spells(row.faultStart, end);
        row.spells.stream().map(DownSpell::server).distinct().forEach(server ->
                row.timelines.add(server + ": " + readiness.timeline(server, row.faultStart, end)));
    }
}
