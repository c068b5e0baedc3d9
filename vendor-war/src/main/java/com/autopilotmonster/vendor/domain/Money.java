package com.autopilotmonster.vendor.domain;

import com.autopilotmonster.common.problem.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Money in the ledger: exact, two decimals for every currency the platform sells in, stored as whole minor
 * units ({@code long} cents) so that the store adds and compares them exactly ({@code $inc}, {@code $gte})
 * without floating point. Rounding happens in one place only: the commission (half-up to the cent), so
 * {@code commission + net == gross} holds for every line.
 */
public final class Money {

    public static final int SCALE = 2;

    private Money() {
    }

    public static long cents(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY).movePointRight(SCALE).longValueExact();
    }

    public static BigDecimal amount(long cents) {
        return BigDecimal.valueOf(cents, SCALE);
    }

    /** Whole cents of a price times a quantity; a price with more than 2 decimals is rounded half-up. */
    public static long gross(BigDecimal price, int quantity) {
        return price.multiply(BigDecimal.valueOf(quantity)).setScale(SCALE, RoundingMode.HALF_UP)
                .movePointRight(SCALE).longValueExact();
    }

    /** The platform's share of a gross amount, half-up to the cent. */
    public static long commission(long grossCents, BigDecimal rate) {
        return amount(grossCents).multiply(rate).setScale(SCALE, RoundingMode.HALF_UP).movePointRight(SCALE)
                .longValueExact();
    }

    public static String currency(String code, String fallback) {
        String c = code == null || code.isBlank() ? fallback : code.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z]{3}")) {
            throw ApiException.badRequest("currency must be a 3-letter ISO code");
        }
        return c;
    }
}
