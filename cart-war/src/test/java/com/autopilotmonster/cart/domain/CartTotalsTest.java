package com.autopilotmonster.cart.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

class CartTotalsTest {

    private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");

    private static CartLine line(String price, int quantity, boolean available) {
        return new CartLine("p" + price, "n", new BigDecimal(price), quantity, null, null, available);
    }

    @Test
    void taxIsRoundedHalfUpToCents() {
        CartTotals totals = CartTotals.of(List.of(line("0.25", 1, true)), TEN_PERCENT);
        assertEquals(new BigDecimal("0.25"), totals.subtotal());
        assertEquals(new BigDecimal("0.03"), totals.tax());      // 0.025: HALF_EVEN would give 0.02
        assertEquals(new BigDecimal("0.28"), totals.total());
    }

    @Test
    void sumsExactlyWhereDoublesWouldDrift() {
        // 0.1 + 0.2 style drift: ten lines of 0.10 and 19.99 x 3
        List<CartLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(new CartLine("x" + i, "n", new BigDecimal("0.10"), 1, null, null, true));
        }
        lines.add(line("19.99", 3, true));
        CartTotals totals = CartTotals.of(lines, new BigDecimal("0.0725"));
        assertEquals(new BigDecimal("60.97"), totals.subtotal());
        assertEquals(new BigDecimal("4.42"), totals.tax());      // 4.420325
        assertEquals(new BigDecimal("65.39"), totals.total());
    }

    @Test
    void unavailableLinesCountForNothing() {
        CartTotals totals = CartTotals.of(List.of(line("10.00", 2, true), line("99.99", 1, false)), TEN_PERCENT);
        assertEquals(new BigDecimal("20.00"), totals.subtotal());
        assertEquals(new BigDecimal("22.00"), totals.total());
        assertEquals(new BigDecimal("0.00"), CartTotals.of(List.of(), TEN_PERCENT).total());
    }

    @Test
    void storedAmountsOfEveryNumericTypeReadAsCents() {
        assertEquals(new BigDecimal("19.99"), Money.of(19.99d));
        assertEquals(new BigDecimal("4.20"), Money.of(4.2d));
        assertEquals(new BigDecimal("7.00"), Money.of(7));
        assertEquals(new BigDecimal("1.23"), Money.of(new Decimal128(new BigDecimal("1.23"))));
        assertEquals(new BigDecimal("0.00"), Money.of(null));
        assertEquals(new BigDecimal("2.35"), Money.cents(new BigDecimal("2.345")));
    }
}
