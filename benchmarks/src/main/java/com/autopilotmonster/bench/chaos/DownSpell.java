package com.autopilotmonster.bench.chaos;

import java.time.Duration;
import java.time.Instant;

/**
 * One stretch of a server's readiness DOWN: from the first probe that failed to the first that succeeded again
 * ({@code up} null: not UP again within the time looked at), with why the first failed.
 */
record DownSpell(String server, Instant down, Instant up, String why) {

    boolean ended() {
        return up != null;
    }

    /** How long it lasted; only for an ended spell. */
    Duration length() {
        return Duration.between(down, up);
    }
}
