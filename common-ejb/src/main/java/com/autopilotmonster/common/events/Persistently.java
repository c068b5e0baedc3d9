package com.autopilotmonster.common.events;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an event's handling again, with growing pauses, until it succeeds or a time limit passes. Why: the
 * liberty-kafka connector shuts the whole incoming stream down when a message is nacked (Open Liberty
 * CWMRX1011E), so a store that is away for a few seconds must not turn into a nack - the event waits, in
 * order, and is applied once the store is back.
 */
public final class Persistently {

    /** How the pause between attempts is taken (tests pass a recorder). */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    static final long FIRST_PAUSE_MS = 100;
    static final long LONGEST_PAUSE_MS = 5_000;
    private static final Logger LOG = Logger.getLogger(Persistently.class.getName());

    private Persistently() {
    }

    /** @return null once {@code attempt} succeeded, or the last failure when {@code maxWaitMs} is used up */
    public static RuntimeException run(String what, Runnable attempt, long maxWaitMs, Sleeper sleeper) {
        long waited = 0;
        long pause = FIRST_PAUSE_MS;
        for (int tries = 1; ; tries++) {
            try {
                attempt.run();
                if (tries > 1) {
                    LOG.info(what + " applied after " + (tries - 1) + " failed attempt(s)");
                }
                return null;
            } catch (RuntimeException e) {
                if (waited >= maxWaitMs) {
                    return e;
                }
                if (tries == 1 || tries % 10 == 0) {
                    LOG.log(Level.WARNING, what + " failed (attempt " + tries + "), retrying: " + e);
                }
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return e;
                }
                waited += pause;
                pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
            }
        }
    }
}
