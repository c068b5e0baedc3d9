package com.autopilotmonster.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.JedisPooled;

/**
 * The shared Redis deny-lists every service consults: revoked access tokens (by {@code jti}, kept until the
 * token would have expired anyway) and deactivated users (by user id).
 */
@ApplicationScoped
public class TokenStatus {

    static final String REVOKED_PREFIX = "auth:revoked-jti:";
    static final String INACTIVE_PREFIX = "auth:inactive-user:";

    @Inject
    JedisPooled redis;

    public void revoke(String jti, long secondsUntilExpiry) {
        redis.setex(REVOKED_PREFIX + jti, Math.max(1, secondsUntilExpiry), "1");
    }

    public boolean isRevoked(String jti) {
        return jti != null && redis.exists(REVOKED_PREFIX + jti);
    }

    public void markInactive(String userId) {
        redis.set(INACTIVE_PREFIX + userId, "1");
    }

    public void markActive(String userId) {
        redis.del(INACTIVE_PREFIX + userId);
    }

    public boolean isInactive(String userId) {
        return userId != null && redis.exists(INACTIVE_PREFIX + userId);
    }
}
