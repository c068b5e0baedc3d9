package com.autopilotmonster.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Sandbox payments verify webhooks with a secret committed to this repository and let a caller play the
 * provider's part (mark an order paid, activate a subscription): anyone who can reach such a server can pay
 * without paying. So a service in sandbox mode refuses to start - its application fails, the reasons logged as
 * SEVERE - when the server looks like production: a live provider key configured (each service names its keys
 * and their live prefixes, {@link LiveKey}), or the HTTP endpoint listening beyond loopback ({@code http.host} /
 * {@code HTTP_HOST} other than 127.x, localhost or ::1; unset means Liberty's {@code *}). Failing the start rather
 * than turning readiness DOWN: a server that is not ready still answers whoever reaches its port directly, which
 * is exactly the exposure refused here. Used by the order service (checkout payments) and the user service
 * (subscription billing).
 */
public final class SandboxGuard {

    private static final Logger LOG = Logger.getLogger(SandboxGuard.class.getName());
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    /**
     * A provider key setting and the prefixes its live (real money) values start with, e.g.
     * {@code new LiveKey("Stripe", "stripe.api-key", value, List.of("sk_live_", "rk_live_"))}.
     */
    public record LiveKey(String provider, String setting, Optional<String> value, List<String> livePrefixes) {

        boolean live() {
            return value.map(String::strip).map(v -> livePrefixes.stream().anyMatch(v::startsWith)).orElse(false);
        }
    }

    private SandboxGuard() {
    }

    /** Why this server must not run in sandbox mode (empty: it may, or it is not in sandbox mode). */
    public static List<String> problems(boolean sandbox, Optional<String> httpHost, List<LiveKey> keys) {
        List<String> problems = new ArrayList<>();
        if (!sandbox) {
            return problems;
        }
        String host = httpHost.map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).orElse("*");
        if (!LOOPBACK.contains(host) && !host.startsWith("127.")) {
            problems.add("refusing payments.mode=sandbox: the server listens on " + host + " (http.host / HTTP_HOST), "
                    + "beyond loopback; sandbox webhooks use a committed secret. Set HTTP_HOST=127.0.0.1 for a local run, "
                    + "or PAYMENTS_MODE=live");
        }
        for (LiveKey key : keys) {
            if (key.live()) {
                problems.add("refusing payments.mode=sandbox: a live " + key.provider() + " key is configured ("
                        + key.setting() + "); set PAYMENTS_MODE=live");
            }
        }
        return problems;
    }

    /** Stops the application's start (logging each reason as SEVERE) when {@link #problems} finds any. */
    public static void refuseUnsafeSandbox(boolean sandbox, Optional<String> httpHost, List<LiveKey> keys) {
        List<String> refused = problems(sandbox, httpHost, keys);
        if (!refused.isEmpty()) {
            refused.forEach(LOG::severe);
            throw new IllegalStateException(String.join("; ", refused));
        }
    }
}
