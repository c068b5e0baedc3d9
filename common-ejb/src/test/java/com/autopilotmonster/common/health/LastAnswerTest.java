package com.autopilotmonster.common.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class LastAnswerTest {

    @Test
    void aSlowProbeNeverHoldsTheAnswerAndItsResultIsSeenOnceItArrives() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        LastAnswer answer = new LastAnswer(0, () -> {
            int n = asked.incrementAndGet();
            if (n > 1) {
                await(release);
            }
            // the response's own constructor: the builder needs MicroProfile Health's provider, absent in a unit test
            return new HealthCheckResponse("store", n == 1 ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                    Optional.empty());
        });

        // only the first call waits for an answer
        assertEquals(HealthCheckResponse.Status.UP, answer.get().getStatus());

        // the dependency now hangs: answers keep coming at once, from the last result, with one probe in flight
        for (int i = 0; i < 5; i++) {
            long asking = System.nanoTime();
            assertEquals(HealthCheckResponse.Status.UP, answer.get().getStatus());
            assertTrue(System.nanoTime() - asking < TimeUnit.MILLISECONDS.toNanos(200), "answered at once");
        }
        long started = System.nanoTime();
        while (asked.get() < 2 && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2)) {
            Thread.sleep(10);
        }
        Thread.sleep(50);
        assertEquals(2, asked.get(), "one background probe at a time");

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (answer.get().getStatus() == HealthCheckResponse.Status.UP && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(HealthCheckResponse.Status.DOWN, answer.get().getStatus(), "the probe's DOWN is seen");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
