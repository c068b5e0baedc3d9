package com.autopilotmonster.common.health;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.JedisPooled;

/**
 * Ready only while Redis answers PING, asked in the background ({@link LastAnswer}) so a probe is answered at once.
 * Off where {@code health.redis.enabled=false}.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Inject
    Instance<JedisPooled> redis;

    @Inject
    @ConfigProperty(name = "health.redis.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    DependencyProbes probes;

    private LastAnswer pings;

    @PostConstruct
    void init() {
        pings = probes.lastAnswer("redis", () -> redis.get().ping());
    }

    @Override
    public HealthCheckResponse call() {
        if (!enabled) {
            return HealthCheckResponse.named("redis").up().withData("used", false).build();
        }
        return pings.get();
    }
}
