package com.autopilotmonster.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pricing settings. The defaults equal the cart service's ({@code cart.tax-rate} 0.10, USD), so the total a
 * customer saw in the cart is the total of the order; change both together ({@code ORDER_TAX_RATE},
 * {@code CART_TAX_RATE}).
 */
@ApplicationScoped
public class OrderSettings {

    @Inject
    @ConfigProperty(name = "order.tax-rate", defaultValue = "0.10")
    BigDecimal taxRate;

    @Inject
    @ConfigProperty(name = "order.currency", defaultValue = "USD")
    String currency;

    @Inject
    @ConfigProperty(name = "order.max-lines", defaultValue = "50")
    int maxLines;

    @Inject
    @ConfigProperty(name = "order.max-quantity", defaultValue = "100")
    int maxQuantity;

    public BigDecimal taxRate() {
        return taxRate;
    }

    public String currency() {
        return currency;
    }

    public int maxLines() {
        return maxLines;
    }

    public int maxQuantity() {
        return maxQuantity;
    }
}
