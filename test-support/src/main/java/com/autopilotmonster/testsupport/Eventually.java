package com.autopilotmonster.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls until a condition holds, for asynchronous effects (events, health transitions). */
public final class Eventually {

    private Eventually() {
    }

    /** @return how long it took */
    public static Duration await(String what, Duration timeout, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (RuntimeException e) {
                last = e;
            }
            sleep(200);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what, last);
    }

    public static <T> T await(String what, Duration timeout, Supplier<T> value) {
        Object[] holder = new Object[1];
        await(what, timeout, () -> (holder[0] = value.get()) != null);
        @SuppressWarnings("unchecked")
        T result = (T) holder[0];
        return result;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
