package com.autopilotmonster.gateway.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Fixed-window counters in Redis, shared by every gateway instance: one atomic Lua call per request
 * increments the client's counter and starts its window on the first hit, so several gateways count exactly
 * together. When Redis cannot be reached the gateway keeps serving (fail open) and says so in its health.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final String SCRIPT = "local n = redis.call('INCR', KEYS[1]) "
            + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
            + "local ttl = redis.call('PTTL', KEYS[1]) "
            + "if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end "
            + "return {n, ttl}";

    /** The outcome for one request; {@code degraded} when Redis was not reachable and the request passed. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, boolean degraded) {
    }

    @Inject
    JedisPooled redis;

    private volatile boolean redisDown;
    private volatile long lastWarning;

    public Decision check(String bucket, long limit, long windowMillis) {
        try {
            @SuppressWarnings("unchecked")
            List<Long> result = (List<Long>) redis.eval(SCRIPT, List.of("gw:rl:" + bucket),
                    List.of(Long.toString(windowMillis)));
            redisDown = false;
            long count = result.get(0);
            long resetSeconds = Math.max(1, (result.get(1) + 999) / 1000);
            return new Decision(count <= limit, limit, Math.max(0, limit - count), resetSeconds, false);
        } catch (JedisException e) {
            redisDown = true;
            long now = System.currentTimeMillis();
            if (now - lastWarning > 60_000) {
                lastWarning = now;
                LOG.log(Level.WARNING, "rate limiting is failing open: Redis unavailable ({0})", e.getMessage());
            }
            return new Decision(true, limit, limit, windowMillis / 1000, true);
        }
    }

    public boolean degraded() {
        return redisDown;
    }
}
