package com.autopilotmonster.common.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * The service's one pooled Redis client ({@code redis.host}, {@code redis.port}, {@code redis.password}:
 * env {@code REDIS_HOST}...). Timeouts are short: Redis is a cache and a deny-list, a slow Redis must not
 * stall requests.
 */
@ApplicationScoped
public class RedisClientProducer {

    @Inject
    @ConfigProperty(name = "redis.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "redis.port", defaultValue = "6379")
    int port;

    @Inject
    @ConfigProperty(name = "redis.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "redis.timeout-ms", defaultValue = "1000")
    int timeoutMs;

    @Inject
    @ConfigProperty(name = "redis.pool.max", defaultValue = "32")
    int poolMax;

    @Inject
    @ConfigProperty(name = "redis.pool.idle-check-ms", defaultValue = "5000")
    long idleCheckMs;

    @Produces
    @Singleton
    JedisPooled jedis() {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMs)
                .socketTimeoutMillis(timeoutMs);
        password.filter(p -> !p.isBlank()).ifPresent(config::password);
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolMax);
        pool.setMaxIdle(poolMax);
        pool.setMaxWait(Duration.ofMillis(timeoutMs));
        // a Redis restart leaves every idle pooled connection dead, and each would fail the request that borrows it
        // (a 503): on a server with little traffic - a hot standby that took over minutes after a Redis restart
        // (fault suite, 2026-11-29 19:44) - they wait there for it. Idle connections are PINGed every
        // redis.pool.idle-check-ms and dropped when they do not answer; a borrowed one is not tested, which would
        // cost every command a second round trip
        pool.setTestWhileIdle(true);
        pool.setTimeBetweenEvictionRuns(Duration.ofMillis(idleCheckMs));
        pool.setNumTestsPerEvictionRun(-1);
        return new JedisPooled(pool, new HostAndPort(host, port), config.build());
    }

    void close(@Disposes JedisPooled jedis) {
        jedis.close();
    }
}
