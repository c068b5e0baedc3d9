package com.autopilotmonster.user.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Subscription plans from MicroProfile Config: {@code user.plans} (names, default {@code free,pro,enterprise}),
 * and per plan {@code user.plan.<name>.price} (monthly, in {@code user.currency}) and, for paid plans on real
 * Stripe, {@code user.plan.<name>.stripe-price} (the Stripe Price id, e.g. {@code price_...}; env
 * {@code USER_PLAN_PRO_STRIPE_PRICE}).
 */
@ApplicationScoped
public class Plans {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "user.plans", defaultValue = "free,pro,enterprise")
    List<String> names;

    public record Plan(String name, BigDecimal monthlyPrice, Optional<String> stripePrice) {

        public boolean paid() {
            return monthlyPrice.signum() > 0;
        }
    }

    public Optional<Plan> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (!names.contains(key)) {
            return Optional.empty();
        }
        BigDecimal price = config.getOptionalValue("user.plan." + key + ".price", BigDecimal.class).orElse(BigDecimal.ZERO);
        Optional<String> stripePrice = config.getOptionalValue("user.plan." + key + ".stripe-price", String.class)
                .filter(s -> !s.isBlank());
        return Optional.of(new Plan(key, price, stripePrice));
    }

    public List<Plan> all() {
        List<Plan> plans = new ArrayList<>();
        names.forEach(n -> find(n).ifPresent(plans::add));
        return plans;
    }
}
