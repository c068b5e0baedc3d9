package com.autopilotmonster.cart.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * subtotal of the available lines, the coupon's discount (at most the subtotal), tax on what is left at the
 * configured rate (HALF_UP to cents) and the total - the same arithmetic as the order's.
 */
public record CartTotals(BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total) {

    public static CartTotals of(List<CartLine> lines, BigDecimal taxRate) {
        return of(lines, taxRate, null);
    }

    public static CartTotals of(List<CartLine> lines, BigDecimal taxRate, BigDecimal discount) {
        BigDecimal subtotal = lines.stream().map(CartLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal off = discount == null ? BigDecimal.ZERO.setScale(2) : discount.min(subtotal).setScale(2, RoundingMode.HALF_UP);
        BigDecimal taxed = subtotal.subtract(off);
        BigDecimal tax = taxed.multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
        return new CartTotals(subtotal, off, tax, taxed.add(tax));
    }
}
