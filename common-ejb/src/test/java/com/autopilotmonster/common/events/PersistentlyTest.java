package com.autopilotmonster.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PersistentlyTest {

    @Test
    void retriesWithGrowingPausesUntilTheHandlingSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        List<Long> pauses = new ArrayList<>();
        RuntimeException failure = Persistently.run("e", () -> {
            if (calls.incrementAndGet() < 5) {
                throw new IllegalStateException("store away");
            }
        }, 60_000, pauses::add);
        assertNull(failure);
        assertEquals(5, calls.get());
        assertEquals(List.of(100L, 200L, 400L, 800L), pauses);
    }

    @Test
    void givesUpWithTheLastFailureOnceTheLimitIsUsedUp() {
        List<Long> pauses = new ArrayList<>();
        IllegalStateException always = new IllegalStateException("store gone");
        RuntimeException failure = Persistently.run("e", () -> {
            throw always;
        }, 20_000, pauses::add);
        assertSame(always, failure);
        // 100, 200, ..., capped at 5 s, until at least 20 s were spent waiting
        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L), pauses);
    }

    @Test
    void succeedsAtOnceWithoutPausing() {
        List<Long> pauses = new ArrayList<>();
        assertNull(Persistently.run("e", () -> { }, 0, pauses::add));
        assertEquals(List.of(), pauses);
    }
}
