package com.autopilotmonster.order.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.common.security.SandboxGuard;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sandbox payments (committed webhook secret, /sandbox/complete) never start where they could be reached or paid. */
class SandboxGuardTest {

    private static PaymentSettings settings(String mode, String host, String stripeKey, String razorpayKeyId) {
        PaymentSettings s = new PaymentSettings();
        s.mode = mode;
        s.sandboxSecret = "whsec_autopilot_sandbox_local_only";
        s.httpHost = Optional.ofNullable(host);
        s.stripeApiKey = Optional.ofNullable(stripeKey);
        s.stripeWebhookSecret = Optional.empty();
        s.razorpayKeyId = Optional.ofNullable(razorpayKeyId);
        s.razorpayKeySecret = Optional.empty();
        s.razorpayWebhookSecret = Optional.empty();
        s.stripeApiBase = "https://api.stripe.com";
        s.razorpayApiBase = "https://api.razorpay.com";
        return s;
    }

    @Test
    void sandboxOnLoopbackWithoutLiveKeysStarts() {
        for (String host : new String[] {"127.0.0.1", "localhost", "::1", "[::1]", "LOCALHOST"}) {
            assertDoesNotThrow(() -> settings("sandbox", host, "sk_test_123", "rzp_test_123").announce(new Object()), host);
        }
        assertDoesNotThrow(() -> settings("sandbox", "127.0.0.1", null, null).announce(new Object()));
    }

    @Test
    void sandboxListeningBeyondLoopbackRefusesToStart() {
        for (String host : new String[] {"*", "0.0.0.0", "10.1.2.3", "order.internal", "::"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> settings("sandbox", host, null, null).announce(new Object()), host);
            assertTrue(e.getMessage().contains("beyond loopback"), e.getMessage());
        }
        // unset: base.xml's default, every interface
        assertThrows(IllegalStateException.class, () -> settings("sandbox", null, null, null).announce(new Object()));
    }

    @Test
    void sandboxWithLiveProviderKeysRefusesToStart() {
        IllegalStateException stripe = assertThrows(IllegalStateException.class,
                () -> settings("sandbox", "127.0.0.1", "sk_live_51abc", null).announce(new Object()));
        assertTrue(stripe.getMessage().contains("live Stripe key"), stripe.getMessage());
        assertThrows(IllegalStateException.class,
                () -> settings("SANDBOX", "127.0.0.1", "rk_live_51abc", null).announce(new Object()));
        IllegalStateException razorpay = assertThrows(IllegalStateException.class,
                () -> settings("sandbox", "localhost", null, "rzp_live_abc").announce(new Object()));
        assertTrue(razorpay.getMessage().contains("live Razorpay key"), razorpay.getMessage());
        PaymentSettings everything = settings("sandbox", "*", "sk_live_1", "rzp_live_1");
        assertEquals(3, SandboxGuard.problems(true, everything.httpHost, everything.liveKeys()).size());
    }

    @Test
    void liveModeIsNeverRefusedByTheSandboxGuard() {
        assertDoesNotThrow(() -> settings("live", "*", "sk_live_51abc", "rzp_live_abc").announce(new Object()));
    }
}
