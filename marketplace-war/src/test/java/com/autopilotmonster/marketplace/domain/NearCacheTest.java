package com.autopilotmonster.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NearCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);

    private NearCache cache(int maxEntries, long maxBytes) {
        return new NearCache(maxEntries, maxBytes, Duration.ofSeconds(1), now::get);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void answersOnlyReadersOfTheGenerationItWasFilledFor() {
        NearCache cache = cache(10, 1000);
        byte[] page = bytes("{\"products\":[]}");
        cache.put("7", "list:a", page);

        assertSame(page, cache.get("7", "list:a"));
        assertNull(cache.get("7", "list:b"));
        // a write bumped the generation: the reader of 8 is never answered what 7 held
        assertNull(cache.get("8", "list:a"));
        assertNull(cache.get("6", "list:a"));
    }

    @Test
    void aNewGenerationReplacesTheOldOne() {
        NearCache cache = cache(10, 1000);
        cache.put("7", "a", bytes("old-a"));
        cache.put("7", "b", bytes("old-b"));
        cache.put("8", "a", bytes("new-a"));

        assertArrayEquals(bytes("new-a"), cache.get("8", "a"));
        assertNull(cache.get("7", "b"), "entries of the older generation are dropped");
        assertEquals(1, cache.size());
        assertEquals(5, cache.bytes());
    }

    @Test
    void staysWithinItsEntryBound() {
        NearCache cache = cache(3, 1_000_000);
        for (int i = 0; i < 50; i++) {
            cache.put("1", "k" + i, bytes("v" + i));
            assertTrue(cache.size() <= 3, "held " + cache.size());
        }
        assertArrayEquals(bytes("v49"), cache.get("1", "k49"), "the newest value is kept");
    }

    @Test
    void staysWithinItsByteBoundAndCountsReplacedValues() {
        NearCache cache = cache(100, 10);
        cache.put("1", "a", bytes("1234"));
        cache.put("1", "b", bytes("1234"));
        assertEquals(8, cache.bytes());
        cache.put("1", "a", bytes("12"));
        assertEquals(6, cache.bytes(), "a replaced value's bytes are given back");
        cache.put("1", "c", bytes("123456"));
        assertTrue(cache.bytes() <= 10, "held " + cache.bytes() + " bytes");
        assertArrayEquals(bytes("123456"), cache.get("1", "c"));

        cache.put("1", "huge", bytes("12345678901"));
        assertNull(cache.get("1", "huge"), "a value larger than the whole bound is not kept");
        assertTrue(cache.bytes() <= 10);
    }

    @Test
    void dropsEntriesOlderThanTheirMaximumAge() {
        NearCache cache = cache(10, 1000);
        cache.put("1", "a", bytes("x"));
        now.addAndGet(Duration.ofMillis(1000).toNanos());
        assertArrayEquals(bytes("x"), cache.get("1", "a"));
        now.addAndGet(1);
        assertNull(cache.get("1", "a"), "past its age the value is read from Redis again");
        assertEquals(0, cache.size());
        assertEquals(0, cache.bytes());
    }

    @Test
    void noEntriesMeansOff() {
        NearCache cache = cache(0, 1000);
        cache.put("1", "a", bytes("x"));
        assertNull(cache.get("1", "a"));
        NearCache ageless = new NearCache(10, 1000, Duration.ZERO, now::get);
        ageless.put("1", "a", bytes("x"));
        assertNull(ageless.get("1", "a"));
    }
}
