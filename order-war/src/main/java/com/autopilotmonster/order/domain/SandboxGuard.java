package com.autopilotmonster.order.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sandbox payments verify webhooks with a secret committed to this repository and let a buyer mark an order paid
 * ({@code /sandbox/complete}): anyone who can reach such a server can pay without paying. So sandbox mode is
 * refused - the application does not start - when the server looks like production: live provider keys
 * configured ({@code sk_live_}/{@code rk_live_}, {@code rzp_live_}), or the HTTP endpoint listening beyond
 * loopback ({@code http.host} other than 127.0.0.1, localhost or ::1; unset means Liberty's {@code *}).
 * Failing the start rather than turning readiness DOWN: a server that is not ready still answers whoever
 * reaches its port directly, which is exactly the exposure refused here.
 */
final class SandboxGuard {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private SandboxGuard() {
    }

    /** Why this server must not run in sandbox mode (empty: it may). */
    static List<String> problems(boolean sandbox, Optional<String> httpHost, Optional<String> stripeKey,
                                 Optional<String> razorpayKeyId) {
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
        if (stripeKey.map(k -> k.strip().startsWith("sk_live_") || k.strip().startsWith("rk_live_")).orElse(false)) {
            problems.add("refusing payments.mode=sandbox: a live Stripe key is configured (stripe.api-key); "
                    + "set PAYMENTS_MODE=live");
        }
        if (razorpayKeyId.map(k -> k.strip().startsWith("rzp_live_")).orElse(false)) {
            problems.add("refusing payments.mode=sandbox: a live Razorpay key is configured (razorpay.key-id); "
                    + "set PAYMENTS_MODE=live");
        }
        return problems;
    }
}
