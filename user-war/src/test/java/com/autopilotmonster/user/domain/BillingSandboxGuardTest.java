package com.autopilotmonster.user.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sandbox billing (committed webhook secret, subscriptions activated without Stripe) never starts where it could
 * be reached or where real money is configured: the user service's start-up refuses it (common-ejb SandboxGuard).
 */
class BillingSandboxGuardTest {

    private static BillingSettings settings(String mode, String host, String stripeKey) {
        BillingSettings s = new BillingSettings();
        s.mode = mode;
        s.sandboxSecret = "whsec_autopilot_sandbox_local_only";
        s.httpHost = Optional.ofNullable(host);
        s.apiKey = Optional.ofNullable(stripeKey);
        s.billingWebhookSecret = Optional.empty();
        s.webhookSecret = Optional.empty();
        s.apiBase = "https://api.stripe.com";
        return s;
    }

    @Test
    void sandboxOnLoopbackWithoutLiveKeysStarts() {
        for (String host : new String[] {"127.0.0.1", "localhost", "::1", "[::1]", "LOCALHOST"}) {
            assertDoesNotThrow(() -> settings("sandbox", host, "sk_test_123").announce(new Object()), host);
        }
        assertDoesNotThrow(() -> settings("sandbox", "127.0.0.1", null).announce(new Object()));
    }

    @Test
    void sandboxListeningBeyondLoopbackRefusesToStart() {
        for (String host : new String[] {"*", "0.0.0.0", "10.1.2.3", "user.internal", "::"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> settings("sandbox", host, null).announce(new Object()), host);
            assertTrue(e.getMessage().contains("beyond loopback"), e.getMessage());
        }
        // unset: base.xml's default, every interface
        assertThrows(IllegalStateException.class, () -> settings("sandbox", null, null).announce(new Object()));
    }

    @Test
    void sandboxWithALiveStripeKeyRefusesToStart() {
        IllegalStateException secret = assertThrows(IllegalStateException.class,
                () -> settings("sandbox", "127.0.0.1", "sk_live_51abc").announce(new Object()));
        assertTrue(secret.getMessage().contains("live Stripe key"), secret.getMessage());
        assertThrows(IllegalStateException.class,
                () -> settings("Sandbox", "localhost", " rk_live_51abc").announce(new Object()));
    }

    @Test
    void liveModeIsNeverRefusedByTheSandboxGuard() {
        assertDoesNotThrow(() -> settings("live", "*", "sk_live_51abc").announce(new Object()));
    }
}
