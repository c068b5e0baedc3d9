package com.autopilotmonster.order.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The payment's life cycle: {@code pending -> paid | failed}, {@code failed -> paid | failed} (the customer
 * retried), {@code paid -> refunded}. A late or repeated provider event that would go backwards (a failure
 * after the success, a success after the refund) is refused by {@link #allows(PaymentStatus)}.
 */
public enum PaymentStatus {
    PENDING, PAID, FAILED, REFUNDED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static boolean isValid(String value) {
        for (PaymentStatus s : values()) {
            if (s.value().equals(value)) {
                return true;
            }
        }
        return false;
    }

    public boolean allows(PaymentStatus target) {
        return switch (this) {
            case PENDING -> target == PAID || target == FAILED;
            case FAILED -> target == PAID || target == FAILED;
            case PAID -> target == REFUNDED;
            case REFUNDED -> false;
        };
    }

    public static Set<PaymentStatus> sourcesOf(PaymentStatus target) {
        Set<PaymentStatus> sources = EnumSet.noneOf(PaymentStatus.class);
        for (PaymentStatus s : values()) {
            if (s.allows(target)) {
                sources.add(s);
            }
        }
        return sources;
    }

    public boolean isPaidOrLater() {
        return this == PAID || this == REFUNDED;
    }
}
