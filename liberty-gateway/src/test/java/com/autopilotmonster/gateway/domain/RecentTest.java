package com.autopilotmonster.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentTest {

    @Test
    void aBurstOfCallersComputesOnceAndAStaleValueIsComputedAgain() throws Exception {
        Recent<Integer> recent = new Recent<>(Duration.ofMillis(300));
        AtomicInteger computations = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                recent.get(() -> {
                    sleep(100);
                    return computations.incrementAndGet();
                });
            });
        }
        start.countDown();
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        assertEquals(1, computations.get());
        assertEquals(1, recent.get(computations::incrementAndGet));
        sleep(350);
        assertEquals(2, recent.get(computations::incrementAndGet));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
