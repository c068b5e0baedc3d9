package com.autopilotmonster.cart.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The cart's business settings (MicroProfile Config; env vars CART_TAX_RATE, CART_MAX_QUANTITY, ...). */
@ApplicationScoped
public class CartSettings {

    @Inject
    @ConfigProperty(name = "cart.tax-rate", defaultValue = "0.10")
    BigDecimal taxRate;

    @Inject
    @ConfigProperty(name = "cart.currency", defaultValue = "USD")
    String currency;

    /** Digital goods: one copy is the norm, a few seats of a licence the most anyone buys at once. */
    @Inject
    @ConfigProperty(name = "cart.max-quantity", defaultValue = "10")
    int maxQuantity;

    /** Distinct products per cart: keeps one cart document small whatever a client does. */
    @Inject
    @ConfigProperty(name = "cart.max-lines", defaultValue = "100")
    int maxLines;

    @Inject
    @ConfigProperty(name = "cart.expiry-days", defaultValue = "7")
    int expiryDays;

    public BigDecimal taxRate() {
        return taxRate;
    }

    public String currency() {
        return currency;
    }

    public int maxQuantity() {
        return maxQuantity;
    }

    public int maxLines() {
        return maxLines;
    }

    public Duration expiry() {
        return Duration.ofDays(expiryDays);
    }
}
