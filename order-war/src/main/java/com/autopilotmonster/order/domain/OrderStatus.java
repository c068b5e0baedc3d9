package com.autopilotmonster.order.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The order's life cycle. {@code pending} (created) -> {@code processing} (a payment was started) ->
 * {@code completed} (paid); {@code cancelled} while unpaid; {@code refunded} after completion. Every change
 * goes through {@link #allows(OrderStatus)}; the stores turn it into the filter of an atomic update, so a
 * concurrent change can never slip an illegal transition in.
 */
public enum OrderStatus {
    PENDING, PROCESSING, COMPLETED, CANCELLED, REFUNDED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static boolean isValid(String value) {
        for (OrderStatus s : values()) {
            if (s.value().equals(value)) {
                return true;
            }
        }
        return false;
    }

    public boolean allows(OrderStatus target) {
        return switch (this) {
            case PENDING -> target == PROCESSING || target == CANCELLED;
            // a new payment attempt (other method, retry after failure) keeps the order processing
            case PROCESSING -> target == PROCESSING || target == COMPLETED || target == CANCELLED;
            case COMPLETED -> target == REFUNDED;
            case CANCELLED, REFUNDED -> false;
        };
    }

    /** The states from which {@code target} may be reached. */
    public static Set<OrderStatus> sourcesOf(OrderStatus target) {
        Set<OrderStatus> sources = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus s : values()) {
            if (s.allows(target)) {
                sources.add(s);
            }
        }
        return sources;
    }
}
