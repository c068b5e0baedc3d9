package com.autopilotmonster.gateway.domain;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits per client: {@code gateway.ratelimit.limit} requests per {@code gateway.ratelimit.window} (the
 * spec's 100 per 15 minutes), and tighter ones for sensitive endpoints in {@code gateway.ratelimit.rules}
 * ("METHOD /path=limit", comma separated; each has its own counter).
 */
@ApplicationScoped
public class RateLimitRules {

    /** A limit that applies to a request, and the name of its counter. */
    public record Limit(String name, long limit, long windowMillis) {
    }

    private record Rule(String method, String path, long limit) {
    }

    @Inject
    @ConfigProperty(name = "gateway.ratelimit.limit", defaultValue = "100")
    long defaultLimit;

    @Inject
    @ConfigProperty(name = "gateway.ratelimit.window", defaultValue = "PT15M")
    Duration window;

    @Inject
    @ConfigProperty(name = "gateway.ratelimit.rules", defaultValue = "POST /api/auth/login=20,"
            + "POST /api/auth/register=20,POST /api/auth/forgot-password=5,POST /api/auth/reset-password=10,"
            + "POST /api/system/subscribe=10")
    String rulesText;

    private final List<Rule> rules = new ArrayList<>();

    @PostConstruct
    void parse() {
        for (String entry : rulesText.split(",")) {
            String[] keyAndLimit = entry.trim().split("=");
            String[] methodAndPath = keyAndLimit[0].trim().split("\\s+");
            if (keyAndLimit.length == 2 && methodAndPath.length == 2) {
                rules.add(new Rule(methodAndPath[0].toUpperCase(Locale.ROOT), methodAndPath[1],
                        Long.parseLong(keyAndLimit[1].trim())));
            }
        }
    }

    public Limit forRequest(String method, String path) {
        for (Rule rule : rules) {
            if (rule.method().equals(method) && rule.path().equals(path)) {
                return new Limit(method + " " + path, rule.limit(), window.toMillis());
            }
        }
        return new Limit("default", defaultLimit, window.toMillis());
    }
}
