package com.autopilotmonster.auth.domain;

import com.autopilotmonster.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;

/**
 * Slows repeated failed logins, per account and per client address, in Redis (shared by every auth
 * instance). After {@code auth.throttle.account-free} failures an account waits 2, 4, 8 ... seconds between
 * attempts, capped at {@code auth.throttle.account-max-seconds} (60 s) so an attacker cannot lock a real
 * user out for long; an address that fails {@code auth.throttle.address-free} times waits up to 15 min.
 * The answer (429 + Retry-After) is the same whether or not the account exists.
 * <p>
 * Every attempt is counted as a failure BEFORE the password is hashed, in one atomic Redis script (check the
 * blocks, count, and set the next block when this attempt reaches the limit), so parallel guesses cannot all
 * pass the check before any of them is recorded: at most the free attempts reach bcrypt, the rest get 429.
 * A successful login then takes its attempt back.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final long WINDOW_SECONDS = 900;

    /**
     * KEYS: account failures, address failures, account block, address block. ARGV: window, account free,
     * account max seconds, address free, address max seconds. Answers the wait in seconds (0 = go ahead).
     */
    private static final String ATTEMPT = """
            local wait = math.max(redis.call('TTL', KEYS[3]), redis.call('TTL', KEYS[4]), 0)
            if wait > 0 then return wait end
            local function count(key)
              local n = redis.call('INCR', key)
              if n == 1 then redis.call('EXPIRE', key, tonumber(ARGV[1])) end
              return n
            end
            local account = count(KEYS[1])
            local address = count(KEYS[2])
            if account >= tonumber(ARGV[2]) then
              local delay = math.min(tonumber(ARGV[3]), 2 ^ math.min(20, account - tonumber(ARGV[2]) + 1))
              redis.call('SET', KEYS[3], '1', 'EX', math.floor(delay))
            end
            if address >= tonumber(ARGV[4]) then
              local delay = math.min(tonumber(ARGV[5]), 10 * 2 ^ math.min(20, address - tonumber(ARGV[4])))
              redis.call('SET', KEYS[4], '1', 'EX', math.floor(delay))
            end
            return 0
            """;

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

    /**
     * Counts this attempt (as a failure until {@link #recordSuccess} says otherwise), or refuses it with 429 while
     * the account or the address must wait.
     */
    public void beginAttempt(String email, String address) {
        Object wait = redis.eval(ATTEMPT,
                List.of(failKey("acct", email), failKey("addr", address), blockKey("acct", email), blockKey("addr", address)),
                List.of(Long.toString(WINDOW_SECONDS), Integer.toString(accountFree), Long.toString(accountMaxSeconds),
                        Integer.toString(addressFree), Long.toString(WINDOW_SECONDS)));
        long seconds = wait instanceof Number n ? n.longValue() : 0;
        if (seconds > 0) {
            throw ApiException.tooManyRequests("Too many failed sign-in attempts; try again later", seconds);
        }
    }

    /** A correct password: the account starts afresh and the address gets its attempt back. */
    public void recordSuccess(String email, String address) {
        clearAccount(email);
        String key = failKey("addr", address);
        if (redis.decr(key) <= 0) {
            redis.del(key);
        }
    }

    /** The account starts afresh (its password was just reset). */
    public void clearAccount(String email) {
        redis.del(failKey("acct", email), blockKey("acct", email));
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
