package com.autopilotmonster.order.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * Money rules in one place. Amounts are computed as BigDecimal with 2 decimals (HALF_UP) and stored as
 * plain numbers, as the spec's Mongoose model does, so the Node services' documents read as they are: a
 * number with at most 2 decimals survives the round trip through a double exactly (via its shortest
 * decimal representation).
 */
public final class Money {

    private Money() {
    }

    public static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static Object toStored(BigDecimal amount) {
        return of(amount).doubleValue();
    }

    static BigDecimal fromStored(Object stored) {
        if (stored == null) {
            return of(BigDecimal.ZERO);
        }
        if (stored instanceof org.bson.types.Decimal128 d) {
            return of(d.bigDecimalValue());
        }
        return of(new BigDecimal(stored.toString()));
    }

    /** The amount in the currency's minor unit (cents for USD), as payment providers take it. */
    public static long minorUnits(BigDecimal amount, String currency) {
        int digits = fractionDigits(currency);
        return amount.setScale(digits, RoundingMode.HALF_UP).movePointRight(digits).longValueExact();
    }

    public static int fractionDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
