package com.autopilotmonster.cart.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** subtotal of the available lines, tax on it at the configured rate (HALF_UP to cents), and their sum. */
public record CartTotals(BigDecimal subtotal, BigDecimal tax, BigDecimal total) {

    public static CartTotals of(List<CartLine> lines, BigDecimal taxRate) {
        BigDecimal subtotal = lines.stream().map(CartLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal tax = subtotal.multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
        return new CartTotals(subtotal, tax, subtotal.add(tax));
    }
}
