package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.api.JsonbSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 */
@ApplicationScoped
public class CatalogCache {

    private static final Logger LOG = Logger.getLogger(CatalogCache.class.getName());
    static final String GENERATION_KEY = "marketplace:cache:generation";

    @Inject
    JedisPooled redis;

    @Inject
    @ConfigProperty(name = "marketplace.cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "marketplace.cache.ttl-seconds", defaultValue = "300")
    long ttlSeconds;

    /** The cached value of {@code key}, else computes it and caches it (unless the computed value is empty). */
    public <T> T get(String key, Type type, Supplier<Optional<T>> compute, T absent) {
        if (!enabled) {
            return compute.get().orElse(absent);
        }
        String fullKey = null;
        try {
            fullKey = "marketplace:cache:" + generation() + ":" + key;
            String cached = redis.get(fullKey);
            if (cached != null) {
                return JsonbSettings.jsonb().fromJson(cached, type);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cache read failed, using the store", e);
        }
        Optional<T> value = compute.get();
        if (value.isPresent() && fullKey != null) {
            try {
                redis.set(fullKey, JsonbSettings.jsonb().toJson(value.get(), type), SetParams.setParams().ex(ttlSeconds));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "cache write failed", e);
            }
        }
        return value.orElse(absent);
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
