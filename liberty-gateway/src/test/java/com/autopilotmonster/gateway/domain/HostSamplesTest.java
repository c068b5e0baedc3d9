package com.autopilotmonster.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The status page's network figures exist from the very first host sample (the client's SystemMetrics requires them). */
class HostSamplesTest {

    @Test
    void theFirstSampleAlreadyHasNetworkFigures() {
        assumeTrue(Files.isReadable(Path.of("/proc/net/dev")), "network figures are read from /proc/net/dev (Linux)");
        HostSamples samples = new HostSamples();
        Instant now = Instant.now();
        samples.sample(now);
        HostSamples.Sums first = samples.unflushed(now);
        assertEquals(1, first.samples());
        assertNotNull(first.bytesIn(), "bytes received over the first interval");
        assertNotNull(first.bytesOut(), "bytes sent over the first interval");
    }
}
