package com.autopilotmonster.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The readiness verdict: the fault's own servers UP within the limit of the fault being lifted, and every other
 * server's DOWN spell in the phase no longer than the limit - a one-second spell late in the phase is not a
 * recovery that took the whole phase.
 */
class FaultRowTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Instant T = Instant.parse("2026-11-29T14:00:00Z");

    @Test
    void aKillWithAStandbyShowsThePortTheOtherSpellsAndTheKilledServersReturn() {
        FaultRow row = kill("gateway");
        row.standbyExpected = true;
        row.spells = List.of(spell("gateway", 0.1, 4.4, "no connection"), spell("user", 29.5, 31.2, "503: mongodb"),
                spell("admin", 29.3, 30.6, "503: mongodb"));
        row.standbyBack = Duration.ofMillis(45_000);

        assertEquals("gateway DOWN, UP 4.4 s after; 2 other DOWN spells, longest 1.7 s (user: 503: mongodb); the killed"
                + " server ready as the standby 45.0 s after the kill", row.readiness(LIMIT));
        assertTrue(row.withinLimit(LIMIT));
    }

    @Test
    void aKilledServerUpAfterTheLimitFailsTheVerdict() {
        FaultRow row = kill("order");
        row.spells = List.of(spell("order", 0.2, 27.9, "no connection"));

        assertEquals("order DOWN, UP 27.9 s after (> 10 s)", row.readiness(LIMIT));
        assertFalse(row.withinLimit(LIMIT));
    }

    @Test
    void anotherServersLongSpellFailsTheVerdictToo() {
        FaultRow row = kill("cart");
        row.spells = List.of(spell("cart", 0.1, 5.2, "no connection"), spell("vendor", 8.2, 73.8, "no answer within 2 s"));

        assertEquals("cart DOWN, UP 5.2 s after; 1 other DOWN spell, longest 65.6 s (vendor: no answer within 2 s)"
                + " (> 10 s)", row.readiness(LIMIT));
        assertFalse(row.withinLimit(LIMIT));
    }

    @Test
    void aDaemonsServersAreTimedFromItsAnswerAndASpellAlreadyUnderWayIsNotTheFaults() {
        FaultRow row = new FaultRow(new PhaseStats("store"), null);
        row.faultStart = T;
        row.faultLifted = T.plusSeconds(10);
        row.dependencyAnswered = T.plusMillis(18_400);
        row.spells = List.of(spell("admin", -3, 2, "no answer within 2 s"), spell("auth", 0.9, 21.0, "503: mongodb"),
                spell("cart", 0.6, 20.7, "503: mongodb"));

        assertEquals("2 servers DOWN, UP 2.6 s after it answered (the daemon's own start took 8.4 s); 1 other DOWN"
                + " spell, longest 5.0 s (admin: no answer within 2 s)", row.readiness(LIMIT));
        assertTrue(row.withinLimit(LIMIT));
    }

    @Test
    void aServerNotUpAgainByPhaseEndIsSaid() {
        FaultRow row = kill("marketplace");
        row.standbyExpected = true;
        row.spells = List.of(spell("marketplace", 0.1, 3.6, "no connection"), new DownSpell("user", T.plusSeconds(9), null,
                "no answer within 2 s"));

        assertEquals("marketplace DOWN, UP 3.6 s after; 1 other DOWN spell, 1 not UP again by phase end; the killed"
                + " server was not ready as the standby by phase end", row.readiness(LIMIT));
        assertFalse(row.withinLimit(LIMIT));
    }

    @Test
    void aLaterSpellOfTheKilledServerIsNotPartOfItsRecovery() {
        FaultRow row = kill("order");
        row.spells = List.of(spell("order", 0.1, 8.9, "no connection"), spell("order", 38.4, 39.8, "503: mongodb"));

        assertEquals("order DOWN, UP 8.9 s after; 1 other DOWN spell, longest 1.4 s (order: 503: mongodb)",
                row.readiness(LIMIT));
        assertTrue(row.withinLimit(LIMIT));
    }

    @Test
    void aBaselineWithoutSpellsStayedUp() {
        FaultRow row = new FaultRow(new PhaseStats("none"), null);
        row.faultStart = T;
        row.faultLifted = T;
        assertEquals("stayed UP", row.readiness(LIMIT));
        assertTrue(row.withinLimit(LIMIT));
    }

    private static FaultRow kill(String server) {
        FaultRow row = new FaultRow(new PhaseStats("kill " + server), null);
        row.target = server;
        row.faultStart = T;
        row.faultLifted = T;
        return row;
    }

    private static DownSpell spell(String server, double down, double up, String why) {
        return new DownSpell(server, T.plusMillis((long) (down * 1000)), T.plusMillis((long) (up * 1000)), why);
    }
}
