package com.autopilotmonster.cart.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.bson.types.Decimal128;

/** Money is BigDecimal in cents (HALF_UP), whatever numeric type the store or a JSON payload holds. */
public final class Money {

    private Money() {
    }

    public static BigDecimal cents(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** Reads a stored amount: a double (Node/Mongoose), a Decimal128, an integer or a string. */
    static BigDecimal of(Object stored) {
        if (stored == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (stored instanceof Decimal128 d) {
            return cents(d.bigDecimalValue());
        }
        if (stored instanceof Double || stored instanceof Float) {
            // Double.toString gives the shortest decimal that round-trips: 19.99 stays 19.99
            return cents(BigDecimal.valueOf(((Number) stored).doubleValue()));
        }
        return cents(new BigDecimal(stored.toString()));
    }
}
