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
 * Which limit a request counts against, and whose counter:
 * <ul>
 * <li>the default, {@code gateway.ratelimit.limit} requests per {@code gateway.ratelimit.window} (the spec's
 * 100 per 15 minutes), per signed-in user, otherwise per client address;</li>
 * <li>the strict rules {@code gateway.ratelimit.rules} ("METHOD /path=limit", comma separated: login,
 * registration, password mails, status subscriptions), each its own counter, <b>always per client address</b>:
 * a token - anybody can register accounts and sign in to get valid ones - must not buy a fresh budget for
 * guessing passwords or sending mails;</li>
 * <li>provider webhooks (paths under {@code gateway.ratelimit.webhooks.paths}, default
 * {@code /api/orders/webhooks}): one shared budget of {@code gateway.ratelimit.webhooks.limit} per
 * {@code gateway.ratelimit.webhooks.window}, not per address - a provider sends from many addresses and the
 * signature, checked by the service, is the control.</li>
 * </ul>
 * Paths are compared in their {@link RequestPath#key() canonical, lower-case} form.
 */
@ApplicationScoped
public class RateLimitRules {

    /** Whose counter a limit uses. */
    public enum Keying {
        /** the user of a valid token, otherwise the client address */
        CLIENT,
        /** the client address, whatever token is sent */
        ADDRESS,
        /** one counter for everybody */
        SHARED
    }

    /** A limit that applies to a request, the name of its counter and whose counter it is. */
    public record Limit(String name, long limit, long windowMillis, Keying keying) {
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

    @Inject
    @ConfigProperty(name = "gateway.ratelimit.webhooks.paths", defaultValue = "/api/orders/webhooks")
    List<String> webhookPaths;

    @Inject
    @ConfigProperty(name = "gateway.ratelimit.webhooks.limit", defaultValue = "3000")
    long webhookLimit;

    @Inject
    @ConfigProperty(name = "gateway.ratelimit.webhooks.window", defaultValue = "PT1M")
    Duration webhookWindow;

    private final List<Rule> rules = new ArrayList<>();
    private final List<String> webhookPrefixes = new ArrayList<>();

    @PostConstruct
    void parse() {
        for (String entry : rulesText.split(",")) {
            String[] keyAndLimit = entry.trim().split("=");
            String[] methodAndPath = keyAndLimit[0].trim().split("\\s+");
            if (keyAndLimit.length != 2 || methodAndPath.length != 2) {
                throw new IllegalArgumentException("gateway.ratelimit.rules: not \"METHOD /path=limit\": " + entry);
            }
            rules.add(new Rule(methodAndPath[0].toUpperCase(Locale.ROOT), canonical(methodAndPath[1]),
                    Long.parseLong(keyAndLimit[1].trim())));
        }
        for (String path : webhookPaths) {
            if (!path.isBlank()) {
                webhookPrefixes.add(canonical(path.trim()));
            }
        }
    }

    private static String canonical(String configured) {
        return RequestPath.of(configured)
                .orElseThrow(() -> new IllegalArgumentException("not a path: " + configured)).key();
    }

    public Limit forRequest(String method, RequestPath path) {
        String key = path.key();
        for (String prefix : webhookPrefixes) {
            if (key.equals(prefix) || key.startsWith(prefix + "/")) {
                return new Limit("webhooks " + prefix, webhookLimit, webhookWindow.toMillis(), Keying.SHARED);
            }
        }
        String upperMethod = method.toUpperCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (rule.method().equals(upperMethod) && rule.path().equals(key)) {
                return new Limit(rule.method() + " " + rule.path(), rule.limit(), window.toMillis(), Keying.ADDRESS);
            }
        }
        return new Limit("default", defaultLimit, window.toMillis(), Keying.CLIENT);
    }
}
