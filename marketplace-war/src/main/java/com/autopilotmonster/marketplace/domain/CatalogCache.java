package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.api.JsonbSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * Redis cache of the hot public reads (product by id, listing pages, categories). Invalidation is by
 * generation: every key embeds the current value of one counter, and every catalog write increments it
 * after the store write, so no reader can be served a value older than the last completed write (entries of
 * old generations simply expire by TTL). Coarse but always correct; writes are rare next to reads.
 * Redis trouble never fails a request: the cache is bypassed and the store answers.
 * {@code marketplace.cache.enabled=false} (env {@code MARKETPLACE_CACHE_ENABLED}) switches it off, e.g. to
 * measure the store alone.
 * <p>
 * Values are JSON. Every read asks Redis for the generation (one round trip), then the JVM's {@link NearCache}
 * for that generation's value, and only on a miss Redis for the value: a hot hit costs one round trip and
 * keeps the invariant (the near cache answers only readers of the generation it was filled for).
 * {@link #json} hands out the cached bytes as they are, for answers written without a JSON-B round trip.
 */
@ApplicationScoped
public class CatalogCache {

    private static final Logger LOG = Logger.getLogger(CatalogCache.class.getName());
    static final String GENERATION_KEY = "marketplace:cache:generation";
    static final String PREFIX = "marketplace:cache:";

    @Inject
    JedisPooled redis;

    @Inject
    @ConfigProperty(name = "marketplace.cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "marketplace.cache.ttl-seconds", defaultValue = "300")
    long ttlSeconds;

    /** Values kept in the JVM per generation; 0 switches the near cache off (every hit reads Redis twice). */
    @Inject
    @ConfigProperty(name = "marketplace.cache.near.max-entries", defaultValue = "256")
    int nearMaxEntries;

    /** Bytes of JSON the near cache holds at most (a 100-product page can be several hundred KiB). */
    @Inject
    @ConfigProperty(name = "marketplace.cache.near.max-bytes", defaultValue = "33554432")
    long nearMaxBytes;

    /** Age after which a near-cache entry is read from Redis again (bounds a reused generation number). */
    @Inject
    @ConfigProperty(name = "marketplace.cache.near.max-age-ms", defaultValue = "10000")
    long nearMaxAgeMs;

    private NearCache near;

    /** What a read found: where its value lives ({@code fullKey} null when Redis could not be asked) and the value. */
    private record Lookup(String generation, String key, String fullKey, byte[] value) {

        static final Lookup BYPASS = new Lookup(null, null, null, null);
    }

    @PostConstruct
    void start() {
        near = new NearCache(nearMaxEntries, nearMaxBytes, Duration.ofMillis(nearMaxAgeMs));
    }

    /** The cached value of {@code key}, else computes it and caches it (unless the computed value is empty). */
    public <T> T get(String key, Type type, Supplier<Optional<T>> compute, T absent) {
        if (!enabled) {
            return compute.get().orElse(absent);
        }
        Lookup found = lookup(key);
        if (found.value() != null) {
            try {
                return JsonbSettings.jsonb().fromJson(new String(found.value(), StandardCharsets.UTF_8), type);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "cached value unreadable, using the store", e);
            }
        }
        Optional<T> value = compute.get();
        if (value.isPresent() && found.fullKey() != null) {
            try {
                store(found, JsonbSettings.jsonb().toJson(value.get(), type).getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "cache write failed", e);
            }
        }
        return value.orElse(absent);
    }

    /**
     * The cached JSON of {@code key} as stored (UTF-8; shared, never modify it), else computes it and caches it;
     * null when the computed value is empty. For answers written as they are: no JSON-B on a hit.
     */
    public byte[] json(String key, Supplier<Optional<byte[]>> compute) {
        if (!enabled) {
            return compute.get().orElse(null);
        }
        Lookup found = lookup(key);
        if (found.value() != null) {
            return found.value();
        }
        Optional<byte[]> value = compute.get();
        if (value.isPresent() && found.fullKey() != null) {
            try {
                store(found, value.get());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "cache write failed", e);
            }
        }
        return value.orElse(null);
    }

    private Lookup lookup(String key) {
        String generation;
        try {
            generation = generation();
        } catch (RuntimeException e) {
            // without the generation nothing cached can be trusted, the near cache included
            LOG.log(Level.FINE, "cache read failed, using the store", e);
            return Lookup.BYPASS;
        }
        String fullKey = PREFIX + generation + ":" + key;
        byte[] value = near.get(generation, key);
        if (value == null) {
            try {
                value = redis.get(fullKey.getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "cache read failed, using the store", e);
            }
            if (value != null) {
                near.put(generation, key, value);
            }
        }
        return new Lookup(generation, key, fullKey, value);
    }

    private void store(Lookup lookup, byte[] value) {
        // the value was computed after its generation was read, so it is at least as new as that generation
        near.put(lookup.generation(), lookup.key(), value);
        redis.set(lookup.fullKey().getBytes(StandardCharsets.UTF_8), value, SetParams.setParams().ex(ttlSeconds));
    }

    /** Call after every write to products, categories or reviews. */
    public void invalidate() {
        if (!enabled) {
            return;
        }
        try {
            redis.incr(GENERATION_KEY);
        } catch (RuntimeException e) {
            // a missed bump would serve stale data for up to the TTL: say so loudly
            LOG.log(Level.WARNING, "cache invalidation failed; cached reads may be stale for up to " + ttlSeconds
                    + " s", e);
        }
    }

    private String generation() {
        String value = redis.get(GENERATION_KEY);
        return value == null ? "0" : value;
    }

    /** A short fixed-size key for an arbitrary query description. */
    public static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
