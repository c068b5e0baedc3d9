package com.autopilotmonster.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.SetParams;

/** The cached-JSON read path: round trips per hit, the generation invariant, Redis trouble and the switch. */
class CatalogCacheTest {

    /** An in-memory Redis that records every call; never connects (nothing is borrowed from its pool). */
    static class FakeRedis extends JedisPooled {
        final Map<String, String> values = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        boolean down;

        FakeRedis() {
            super("127.0.0.1", 1);
        }

        private void call(String what) {
            calls.add(what);
            if (down) {
                throw new JedisConnectionException("Redis is down");
            }
        }

        @Override
        public String get(String key) {
            call("GET " + key);
            return values.get(key);
        }

        @Override
        public byte[] get(byte[] key) {
            String k = new String(key, StandardCharsets.UTF_8);
            call("GET " + k);
            String value = values.get(k);
            return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String set(byte[] key, byte[] value, SetParams params) {
            String k = new String(key, StandardCharsets.UTF_8);
            call("SET " + k);
            values.put(k, new String(value, StandardCharsets.UTF_8));
            return "OK";
        }

        @Override
        public long incr(String key) {
            call("INCR " + key);
            long next = Long.parseLong(values.getOrDefault(key, "0")) + 1;
            values.put(key, Long.toString(next));
            return next;
        }
    }

    private final FakeRedis redis = new FakeRedis();
    private final AtomicInteger computed = new AtomicInteger();
    private String storeValue = "{\"v\":1}";
    private CatalogCache cache;

    private CatalogCache cache(int nearEntries) {
        CatalogCache c = new CatalogCache();
        c.redis = redis;
        c.enabled = true;
        c.ttlSeconds = 300;
        c.nearMaxEntries = nearEntries;
        c.nearMaxBytes = 1 << 20;
        c.nearMaxAgeMs = 60_000;
        c.start();
        return c;
    }

    @BeforeEach
    void setUp() {
        cache = cache(16);
    }

    private final Supplier<Optional<byte[]>> store = () -> {
        computed.incrementAndGet();
        return Optional.of(storeValue.getBytes(StandardCharsets.UTF_8));
    };

    private String read() {
        byte[] json = cache.json("listing:k", store);
        return json == null ? null : new String(json, StandardCharsets.UTF_8);
    }

    @Test
    void aHotHitCostsOneRoundTripAndAnswersTheStoredBytes() {
        assertEquals("{\"v\":1}", read());
        assertEquals(List.of("GET marketplace:cache:generation", "GET marketplace:cache:0:listing:k",
                "SET marketplace:cache:0:listing:k"), redis.calls);
        assertEquals("{\"v\":1}", redis.values.get("marketplace:cache:0:listing:k"), "the JSON is stored as it is");

        redis.calls.clear();
        assertEquals("{\"v\":1}", read());
        assertEquals("{\"v\":1}", read());
        assertEquals(List.of("GET marketplace:cache:generation", "GET marketplace:cache:generation"), redis.calls);
        assertEquals(1, computed.get());
    }

    @Test
    void aValueAnotherServerCachedIsReadFromRedisOnceThenKept() {
        redis.values.put("marketplace:cache:generation", "5");
        redis.values.put("marketplace:cache:5:listing:k", "{\"from\":\"redis\"}");
        assertEquals("{\"from\":\"redis\"}", read());
        redis.calls.clear();
        assertEquals("{\"from\":\"redis\"}", read());
        assertEquals(List.of("GET marketplace:cache:generation"), redis.calls);
        assertEquals(0, computed.get());
    }

    @Test
    void aCompletedWriteIsSeenByTheNextRead() {
        assertEquals("{\"v\":1}", read());
        storeValue = "{\"v\":2}";
        cache.invalidate();
        assertEquals("{\"v\":2}", read(), "the near cache does not hide the write");
        assertEquals(2, computed.get());
        assertTrue(redis.values.containsKey("marketplace:cache:1:listing:k"));
    }

    @Test
    void aWriteThroughAnotherServerIsSeenToo() {
        assertEquals("{\"v\":1}", read());
        storeValue = "{\"v\":2}";
        redis.incr(CatalogCache.GENERATION_KEY); // another marketplace instance's write
        assertEquals("{\"v\":2}", read());
    }

    @Test
    void redisDownBypassesTheCacheNearCacheIncluded() {
        assertEquals("{\"v\":1}", read());
        storeValue = "{\"v\":2}";
        redis.down = true;
        // without the generation the near cache cannot know whether its copy is current: the store answers
        assertEquals("{\"v\":2}", read());
        assertEquals("{\"v\":2}", read());
        assertEquals(3, computed.get());
        redis.down = false;
        assertEquals("{\"v\":1}", read(), "nothing was stored while Redis was down (the write's bump was missed too)");
    }

    @Test
    void aFailedValueReadStillAnswersAndStores() {
        FakeRedis flaky = new FakeRedis() {
            @Override
            public byte[] get(byte[] key) {
                throw new JedisConnectionException("timeout");
            }
        };
        CatalogCache c = cache(16);
        c.redis = flaky;
        assertEquals("{\"v\":1}", new String(c.json("listing:k", store), StandardCharsets.UTF_8));
        assertEquals("{\"v\":1}", flaky.values.get("marketplace:cache:0:listing:k"));
    }

    @Test
    void withoutTheNearCacheEveryHitReadsRedisTwice() {
        cache = cache(0);
        read();
        redis.calls.clear();
        assertEquals("{\"v\":1}", read());
        assertEquals(List.of("GET marketplace:cache:generation", "GET marketplace:cache:0:listing:k"), redis.calls);
        assertEquals(1, computed.get());
    }

    @Test
    void switchedOffTheStoreAnswersEveryTimeAndRedisIsNotAsked() {
        cache.enabled = false;
        assertEquals("{\"v\":1}", read());
        assertEquals("{\"v\":1}", read());
        assertEquals(2, computed.get());
        assertEquals(List.of(), redis.calls);
        cache.invalidate();
        assertEquals(List.of(), redis.calls);
    }

    @Test
    void anEmptyComputedValueIsNotCached() {
        assertNull(cache.json("product:x", Optional::empty));
        assertArrayEquals(new String[0], redis.values.keySet().stream().filter(k -> k.contains("product:x"))
                .toArray(String[]::new));
    }
}
