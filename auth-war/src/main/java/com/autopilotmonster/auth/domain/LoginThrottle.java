package com.autopilotmonster.auth.domain;

import com.autopilotmonster.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;

/**
 * Slows repeated failed logins, per account and per client address, in Redis (shared by every auth
 * instance). After {@code auth.throttle.account-free} failures an account waits 2, 4, 8 ... seconds between
 * attempts, capped at {@code auth.throttle.account-max-seconds} (60 s) so an attacker cannot lock a real
 * user out for long; an address that fails {@code auth.throttle.address-free} times waits up to 15 min.
 * The answer (429 + Retry-After) is the same whether or not the account exists.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final long WINDOW_SECONDS = 900;

    @Inject
    JedisPooled redis;

    @Inject
    @ConfigProperty(name = "auth.throttle.account-free", defaultValue = "5")
    int accountFree;

    @Inject
    @ConfigProperty(name = "auth.throttle.account-max-seconds", defaultValue = "60")
    long accountMaxSeconds;

    @Inject
    @ConfigProperty(name = "auth.throttle.address-free", defaultValue = "30")
    int addressFree;

    public void checkAllowed(String email, String address) {
        long wait = Math.max(ttl(blockKey("acct", email)), ttl(blockKey("addr", address)));
        if (wait > 0) {
            throw ApiException.tooManyRequests("Too many failed sign-in attempts; try again later", wait);
        }
    }

    public void recordFailure(String email, String address) {
        long accountFailures = increment(failKey("acct", email));
        if (accountFailures >= accountFree) {
            long delay = Math.min(accountMaxSeconds, 1L << Math.min(20, accountFailures - accountFree + 1));
            redis.setex(blockKey("acct", email), delay, "1");
        }
        long addressFailures = increment(failKey("addr", address));
        if (addressFailures >= addressFree) {
            long delay = Math.min(WINDOW_SECONDS, 10L << Math.min(20, addressFailures - addressFree));
            redis.setex(blockKey("addr", address), delay, "1");
        }
    }

    public void recordSuccess(String email) {
        redis.del(failKey("acct", email), blockKey("acct", email));
    }

    private long increment(String key) {
        long n = redis.incr(key);
        if (n == 1) {
            redis.expire(key, WINDOW_SECONDS);
        }
        return n;
    }

    private long ttl(String key) {
        return Math.max(0, redis.ttl(key));
    }

    private static String failKey(String kind, String subject) {
        return "auth:login-fail:" + kind + ":" + normalize(subject);
    }

    private static String blockKey(String kind, String subject) {
        return "auth:login-block:" + kind + ":" + normalize(subject);
    }

    private static String normalize(String subject) {
        return subject == null ? "-" : subject.trim().toLowerCase(Locale.ROOT);
    }
}
