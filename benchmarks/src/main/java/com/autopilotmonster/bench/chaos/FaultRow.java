package com.autopilotmonster.bench.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row of the suite's table: a phase of the load with its fault, when the fault began and was lifted
 * (daemon or server started again, process continued), and what readiness did meanwhile.
 *
 * <p>Readiness is judged per spell of DOWN. The fault's own spells - the killed or frozen server's, or for a daemon
 * every spell that began before it answered again - must end within the limit after the fault was lifted (for a
 * daemon: after it answered, its own start is not the services' recovery). Any other spell in the phase, a server
 * that went DOWN later for a reason of its own, must itself end within the limit.
 */
final class FaultRow {

    final PhaseStats stats;
    final String skipped;
    /** The server the fault hit (kill, freeze); null for a daemon's outage and the baseline. */
    String target;
    Instant faultStart;
    Instant faultLifted;
    /** For a daemon's outage: when the daemon, started again, answered (its own start is not the services' recovery). */
    Instant dependencyAnswered;
    /** For a kill with a hot standby: how long after the kill the killed server was ready as the new standby. */
    Duration standbyBack;
    boolean standbyExpected;
    /** Every spell of DOWN that overlapped the phase. */
    List<DownSpell> spells = List.of();
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

    List<DownSpell> faultSpells() {
        return spells.stream().filter(this::causedByTheFault).toList();
    }

    List<DownSpell> otherSpells() {
        return spells.stream().filter(s -> !causedByTheFault(s)).toList();
    }

    private boolean causedByTheFault(DownSpell spell) {
        if (faultStart == null || spell.down().isBefore(faultStart)) {
            return false; // under way before this fault began
        }
        if (target != null) {
            // the spell the kill or freeze began; a later one of the same server, after it was UP again, has a
            // cause of its own (in the 15:03 run: order's "503: mongodb" 38 s after its takeover)
            return spells.stream().filter(s -> s.server().equals(target) && !s.down().isBefore(faultStart))
                    .findFirst().map(first -> first == spell).orElse(false);
        }
        return dependencyAnswered != null && spell.down().isBefore(dependencyAnswered);
    }

    /** From the fault being lifted (a daemon: answering again) until the last of the fault's spells ended. */
    Optional<Duration> recovery() {
        Instant from = dependencyAnswered != null ? dependencyAnswered : faultLifted;
        Duration longest = Duration.ZERO;
        for (DownSpell spell : faultSpells()) {
            if (!spell.ended()) {
                return Optional.empty();
            }
            Duration took = spell.up().isBefore(from) ? Duration.ZERO : Duration.between(from, spell.up());
            longest = took.compareTo(longest) > 0 ? took : longest;
        }
        return Optional.of(longest);
    }

    /** The fault's servers UP again within {@code limit} of it being lifted, and every other spell no longer. */
    boolean withinLimit(Duration limit) {
        if (skipped != null) {
            return true;
        }
        Optional<Duration> recovery = recovery();
        return recovery.isPresent() && recovery.get().compareTo(limit) <= 0
                && otherSpells().stream().allMatch(s -> s.ended() && s.length().compareTo(limit) <= 0);
    }

    /** Readiness column: the fault's spells and how long after lifting they ended, then the other spells. */
    String readiness(Duration limit) {
        if (skipped != null) {
            return "-";
        }
        String answer = faultPart(limit) + otherPart(limit);
        if (standbyExpected) {
            answer += standbyBack == null ? "; the killed server was not ready as the standby by phase end"
                    : String.format("; the killed server ready as the standby %.1f s after the kill",
                    standbyBack.toMillis() / 1000.0);
        }
        return answer;
    }

    private String faultPart(Duration limit) {
        List<DownSpell> own = faultSpells();
        if (own.isEmpty()) {
            return target == null && dependencyAnswered == null ? "" : "stayed UP";
        }
        List<String> servers = own.stream().map(DownSpell::server).distinct().toList();
        String who = servers.size() == 1 ? servers.get(0) : servers.size() + " servers";
        Optional<Duration> recovery = recovery();
        if (recovery.isEmpty()) {
            return who + " DOWN, not UP again by phase end";
        }
        long ms = recovery.get().toMillis();
        String answer = who + " DOWN, UP " + seconds(ms) + " after" + (dependencyAnswered != null ? " it answered" : "")
                + (ms <= limit.toMillis() ? "" : " (> " + limit.toSeconds() + " s)");
        if (dependencyAnswered != null) {
            answer += " (the daemon's own start took " + seconds(Duration.between(faultLifted, dependencyAnswered)
                    .toMillis()) + ")";
        }
        return answer;
    }

    private String otherPart(Duration limit) {
        List<DownSpell> others = otherSpells();
        String lead = target == null && dependencyAnswered == null ? "" : "; ";
        if (others.isEmpty()) {
            return lead.isEmpty() ? "stayed UP" : "";
        }
        long open = others.stream().filter(s -> !s.ended()).count();
        DownSpell longest = others.stream().filter(DownSpell::ended).max(java.util.Comparator.comparing(DownSpell::length))
                .orElse(null);
        StringBuilder text = new StringBuilder(lead).append(others.size())
                .append(others.size() == 1 ? " other DOWN spell" : " other DOWN spells");
        if (longest != null) {
            long ms = longest.length().toMillis();
            text.append(", longest ").append(seconds(ms)).append(" (").append(longest.server()).append(": ")
                    .append(longest.why()).append(')').append(ms <= limit.toMillis() ? "" : " (> " + limit.toSeconds() + " s)");
        }
        if (open > 0) {
            text.append(", ").append(open).append(" not UP again by phase end");
        }
        return text.toString();
    }

    private static String seconds(long ms) {
        return String.format("%.1f s", ms / 1000.0);
    }
}
