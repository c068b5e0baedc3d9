package com.autopilotmonster.marketplace.domain;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The JVM's own copy of cached values it served recently, so a hit needs one Redis round trip (the generation)
 * instead of two (generation and value). It holds one generation at a time and answers only a reader that has
 * just read that same generation from Redis: a completed write bumps the generation, the next reader asks for the
 * new one and misses here, so this copy never hides a write (the invariant of {@link CatalogCache}). A value of
 * another generation replaces the whole copy - entries of an older generation are never asked for again.
 * <p>
 * Bounded by entries and by bytes (a page of 100 products can be large), and an entry older than its maximum age
 * is dropped: the age bounds what a reused generation number could serve (Redis emptied and its counter counted
 * up to the same number again while this JVM read nothing). Values are shared: callers must not modify them.
 */
final class NearCache {

    private record Entry(byte[] value, long storedAt) {
    }

    /** The entries of one generation and the bytes they hold. */
    private record Generation(String id, Map<String, Entry> entries, AtomicLong bytes) {

        Generation(String id) {
            this(id, new ConcurrentHashMap<>(), new AtomicLong());
        }

        void remove(String key, Entry entry) {
            if (entries.remove(key, entry)) {
                bytes.addAndGet(-entry.value().length);
            }
        }
    }

    private final int maxEntries;
    private final long maxBytes;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private volatile Generation current = new Generation("");

    NearCache(int maxEntries, long maxBytes, Duration maxAge) {
        this(maxEntries, maxBytes, maxAge, System::nanoTime);
    }

    NearCache(int maxEntries, long maxBytes, Duration maxAge, LongSupplier nanoClock) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The value stored for {@code key} in {@code generation}, or null. */
    byte[] get(String generation, String key) {
        Generation held = current;
        if (!held.id().equals(generation)) {
            return null;
        }
        Entry entry = held.entries().get(key);
        if (entry == null) {
            return null;
        }
        if (nanoClock.getAsLong() - entry.storedAt() > maxAgeNanos) {
            held.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /**
     * Keeps {@code value} for readers of {@code generation}, evicting others to stay within the bounds - in hash
     * order, not least recently used: lock-free and simple, and the bounds are a safety net far above the hot
     * pages' working set.
     */
    void put(String generation, String key, byte[] value) {
        if (maxEntries <= 0 || value.length > maxBytes || maxAgeNanos <= 0) {
            return;
        }
        Generation held = current;
        if (!held.id().equals(generation)) {
            // a reader that read its generation just before a write may still put an older one here: the next
            // reader of the newer generation misses and puts it back - a little lost work, never a stale answer
            held = new Generation(generation);
            current = held;
        }
        makeRoom(held, value.length);
        Entry entry = new Entry(value, nanoClock.getAsLong());
        Entry previous = held.entries().put(key, entry);
        held.bytes().addAndGet(value.length - (previous == null ? 0 : previous.value().length));
    }

    private void makeRoom(Generation held, int incoming) {
        Iterator<Map.Entry<String, Entry>> victims = held.entries().entrySet().iterator();
        while ((held.entries().size() >= maxEntries || held.bytes().get() + incoming > maxBytes) && victims.hasNext()) {
            Map.Entry<String, Entry> victim = victims.next();
            held.remove(victim.getKey(), victim.getValue());
        }
    }

    /** Entries held now (for tests and diagnostics). */
    int size() {
        return current.entries().size();
    }

    /** Bytes held now (for tests and diagnostics). */
    long bytes() {
        return current.bytes().get();
    }
}
