package com.autopilotmonster.user.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.bson.types.Decimal128;

/** Amounts as stored (Decimal128, or plain numbers written by other code) read back as exact decimals. */
public final class Money {

    private Money() {
    }

    public static BigDecimal of(Object stored) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (stored instanceof BigDecimal b) {
            return b;
        }
        if (stored instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
