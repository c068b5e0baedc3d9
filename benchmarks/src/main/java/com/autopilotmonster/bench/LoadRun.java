package com.autopilotmonster.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/** Runs one operation from N threads for a fixed time and reports throughput and latency percentiles. */
final class LoadRun {

    /** The measured figures of one run. */
    record Result(String name, int threads, long ok, long failed, double seconds, double p50Ms, double p99Ms) {
        double perSecond() {
            return ok / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-34s %3d threads  %9.1f ops/s   p50 %7.2f ms   p99 %7.2f ms   (%d ok, %d failed)",
                    name, threads, perSecond(), p50Ms, p99Ms, ok, failed);
        }
    }

    private LoadRun() {
    }

    /** @param operation returns true on success; gets the thread's index */
    static Result run(String name, int threads, Duration duration, IntPredicate operation) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<List<Long>> latencies = new ArrayList<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            int index = t;
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    boolean success;
                    try {
                        success = operation.test(index);
                    } catch (RuntimeException e) {
                        success = false;
                    }
                    mine.add(System.nanoTime() - before);
                    (success ? ok : failed).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        return new Result(name, threads, ok.get(), failed.get(), seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
