package com.autopilotmonster.order.domain;

import com.autopilotmonster.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Which provider takes a payment method the original web client names ({@code card}, {@code upi},
 * {@code netbanking}, {@code wallet}, ...): {@code order.payment.method.<method>} = {@code stripe} or
 * {@code razorpay}. Defaults: cards through Stripe, India's UPI, net banking and wallets through Razorpay.
 * The providers' own names are accepted as they are.
 */
@ApplicationScoped
public class PaymentMethods {

    @Inject
    Config config;

    public String providerFor(String method) {
        String key = method.strip().toLowerCase(Locale.ROOT);
        if (key.equals("stripe") || key.equals("razorpay")) {
            return key;
        }
        Optional<String> configured = config.getOptionalValue("order.payment.method." + key, String.class);
        String provider = configured.orElseGet(() -> switch (key) {
            case "card" -> "stripe";
            case "upi", "netbanking", "wallet" -> "razorpay";
            default -> null;
        });
        if (provider == null || !(provider.equals("stripe") || provider.equals("razorpay"))) {
            throw ApiException.badRequest("Payment method '" + key + "' is not offered; use card, upi, netbanking or wallet");
        }
        return provider;
    }
}
