package com.autopilotmonster.common.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A warm-up that fails (a dependency down at start-up) neither stops the start nor the warm-ups after it. */
class WarmupsTest {

    private static Warmup named(String name, List<String> ran, boolean fails) {
        return new Warmup() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run() {
                ran.add(name);
                if (fails) {
                    throw new IllegalStateException("marketplace unreachable");
                }
            }
        };
    }

    @Test
    void everyWarmupRunsInTurnWhateverTheOthersDid() {
        List<String> ran = new ArrayList<>();
        List<String> done = Warmups.runAll(List.of(named("catalog", ran, true), named("checkout", ran, false)));
        assertEquals(List.of("catalog", "checkout"), ran);
        assertEquals(2, done.size());
        assertTrue(done.get(0).matches("catalog \\d+ ms"), done.toString());
        assertTrue(done.get(1).matches("checkout \\d+ ms"), done.toString());
    }
}
