package com.autopilotmonster.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readiness column: the port's recovery and, for a kill with a standby, the killed server's own return. */
class FaultRowTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Test
    void aKillWithAStandbyShowsThePortAndTheKilledServerSeparately() {
        FaultRow row = row();
        row.standbyExpected = true;
        row.down = List.of("order");
        row.recovery = Duration.ofMillis(1400);
        row.standbyBack = Duration.ofMillis(41_250);
        assertEquals("order DOWN, UP 1.4 s after; the killed server ready as the standby 41.3 s after the kill",
                row.readiness(LIMIT));
    }

    @Test
    void aStandbyThatNeverCameBackIsSaid() {
        FaultRow row = row();
        row.standbyExpected = true;
        assertEquals("stayed UP; the killed server was not ready as the standby by phase end", row.readiness(LIMIT));
    }

    @Test
    void aDaemonsOwnStartIsToldApartFromTheServicesRecovery() {
        FaultRow row = row();
        row.faultLifted = Instant.parse("2026-11-29T12:00:00Z");
        row.dependencyAnswered = row.faultLifted.plusSeconds(23);
        row.down = List.of("a", "b", "c");
        row.recovery = Duration.ofMillis(32_500);
        assertEquals("3 servers DOWN, UP 32.5 s after (> 10 s) (the daemon's own start took 23.0 s: UP 9.5 s after"
                + " it answered)", row.readiness(LIMIT));
    }

    private static FaultRow row() {
        return new FaultRow(new PhaseStats("fault"), null);
    }
}
