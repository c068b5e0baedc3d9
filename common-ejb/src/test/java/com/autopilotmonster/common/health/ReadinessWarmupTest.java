package com.autopilotmonster.common.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.junit.jupiter.api.Test;

/** Every readiness check is asked once at start-up, also those after one that fails. */
class ReadinessWarmupTest {

    @Test
    void asksEveryCheckWhateverTheOthersDid() {
        List<String> asked = new ArrayList<>();
        HealthCheck failing = () -> {
            asked.add("mongodb");
            throw new IllegalStateException("store unreachable");
        };
        HealthCheck kafka = () -> {
            asked.add("kafka");
            return null; // the answer is not used: asking is the point
        };
        List<String> failed = ReadinessWarmup.callEach(List.of(failing, kafka));
        assertEquals(List.of("mongodb", "kafka"), asked);
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).contains("store unreachable"), failed.toString());
    }
}
