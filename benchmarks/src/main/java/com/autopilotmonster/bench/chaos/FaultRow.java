package com.autopilotmonster.bench.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the suite's table: a phase of the load with its fault, when the fault began and was lifted
 * (daemon or server started again, process continued), and what readiness did meanwhile.
 */
final class FaultRow {

    final PhaseStats stats;
    final String skipped;
    Instant faultStart;
    Instant faultLifted;
    /** For a daemon's outage: when the daemon, started again, answered (its own start is not the services' recovery). */
    Instant dependencyAnswered;
    /** For a kill with a hot standby: how long after the kill the killed server was ready as the new standby. */
    Duration standbyBack;
    boolean standbyExpected;
    /** Servers whose readiness went DOWN in the phase, and the longest time from lifting to UP (null: never). */
    List<String> down = List.of();
    Duration recovery;
    boolean recovered = true;
    /** Per server that went DOWN: its readiness changes, in seconds after the fault began. */
    final List<String> timelines = new ArrayList<>();
    /** Filled by the reconciliation: orders placed in the phase, events missing, extra records. */
    int orders;
    final List<String> lost = new ArrayList<>();
    int duplicates;
    int secondEvents;

    FaultRow(PhaseStats stats, String skipped) {
        this.stats = stats;
        this.skipped = skipped;
    }

    /** Readiness column: who went DOWN and how long after the fault was lifted all were UP again. */
    String readiness(Duration limit) {
        if (skipped != null) {
            return "-";
        }
        String answer = downAndUp(limit);
        if (standbyExpected) {
            return answer + (standbyBack == null ? "; the killed server was not ready as the standby by phase end"
                    : String.format("; the killed server ready as the standby %.1f s after the kill",
                    standbyBack.toMillis() / 1000.0));
        }
        if (dependencyAnswered == null || down.isEmpty() || !recovered) {
            return answer;
        }
        long ms = recovery.toMillis();
        long started = Duration.between(faultLifted, dependencyAnswered).toMillis();
        return answer + String.format(" (the daemon's own start took %.1f s: UP %.1f s after it answered)",
                started / 1000.0, Math.max(0, ms - started) / 1000.0);
    }

    private String downAndUp(Duration limit) {
        if (down.isEmpty()) {
            return "stayed UP";
        }
        String who = down.size() == 1 ? down.get(0) : down.size() + " servers";
        if (!recovered) {
            return who + " DOWN, not UP again by phase end";
        }
        long ms = recovery.toMillis();
        return who + " DOWN, UP " + String.format("%.1f s", ms / 1000.0) + " after" + (ms <= limit.toMillis()
                ? "" : " (> " + limit.toSeconds() + " s)");
    }
}
