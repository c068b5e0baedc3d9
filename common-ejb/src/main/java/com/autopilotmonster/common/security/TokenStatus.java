package com.autopilotmonster.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import redis.clients.jedis.JedisPooled;

/**
 * The shared Redis deny-lists every service consults: revoked access tokens (by {@code jti}, kept until the
 * token would have expired anyway), deactivated users (by user id) and, per user, the instant before which
 * every access token is void ("valid after": written by auth on a role change, a password reset or a
 * deactivation, so tokens carrying the old role or issued before the reset stop working at once instead of
 * up to an hour later). {@link #check} answers all three in ONE Redis round trip (MGET).
 */
@ApplicationScoped
public class TokenStatus {

    static final String REVOKED_PREFIX = "auth:revoked-jti:";
    static final String INACTIVE_PREFIX = "auth:inactive-user:";
    static final String VALID_AFTER_PREFIX = "auth:valid-after:";

    /** What the deny-lists say about one token. */
    public enum Verdict {
        VALID, REVOKED, INACTIVE, STALE;

        public boolean refused() {
            return this != VALID;
        }

        /** The problem slug and detail of a refusal (the same words on every service and at the gateway). */
        public String slug() {
            return switch (this) {
                case REVOKED -> "token-revoked";
                case INACTIVE -> "account-inactive";
                case STALE -> "token-stale";
                case VALID -> "valid";
            };
        }

        public String detail() {
            return switch (this) {
                case REVOKED -> "This token has been revoked; sign in again";
                case INACTIVE -> "This account is deactivated";
                case STALE -> "This token was issued before the account's role or password changed; sign in again";
                case VALID -> "";
            };
        }
    }

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

    /**
     * Voids every access token of the user issued up to and including the current second ({@code iat} has
     * one-second resolution, so a token from this very second cannot be told apart and is voided too; auth
     * therefore stamps tokens it issues later in that second with {@link #validAfter}). Kept for
     * {@code keep} (at least the access-token lifetime plus clock skew): older tokens have expired by then.
     *
     * @return the first epoch second whose tokens are valid again
     */
    public long invalidateTokensIssuedBefore(String userId, Instant now, Duration keep) {
        long validAfter = now.getEpochSecond() + 1;
        // never move the instant backwards (two changes in a row, clocks of two auth instances)
        String key = VALID_AFTER_PREFIX + userId;
        String current = redis.get(key);
        if (current == null || parse(current) < validAfter) {
            redis.setex(key, Math.max(1, keep.toSeconds()), Long.toString(validAfter));
        }
        return validAfter;
    }

    /** The first epoch second at which this user's tokens count (0 when no change is on record). */
    public long validAfter(String userId) {
        return userId == null ? 0 : parse(redis.get(VALID_AFTER_PREFIX + userId));
    }

    /** Revoked, deactivated or issued before the user's valid-after instant - asked in one round trip. */
    public Verdict check(String jti, String userId, long issuedAtEpochSeconds) {
        String user = userId == null ? "-" : userId;
        List<String> values = redis.mget(REVOKED_PREFIX + (jti == null ? "-" : jti), INACTIVE_PREFIX + user,
                VALID_AFTER_PREFIX + user);
        if (jti != null && values.get(0) != null) {
            return Verdict.REVOKED;
        }
        if (userId != null && values.get(1) != null) {
            return Verdict.INACTIVE;
        }
        if (userId != null && issuedAtEpochSeconds < parse(values.get(2))) {
            return Verdict.STALE;
        }
        return Verdict.VALID;
    }

    private static long parse(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
