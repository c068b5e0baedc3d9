package com.autopilotmonster.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class StateMachineTest {

    @Test
    void orderStatusTransitions() {
        assertTrue(OrderStatus.PENDING.allows(OrderStatus.PROCESSING));
        assertTrue(OrderStatus.PROCESSING.allows(OrderStatus.COMPLETED));
        assertTrue(OrderStatus.COMPLETED.allows(OrderStatus.REFUNDED));
        assertFalse(OrderStatus.PENDING.allows(OrderStatus.COMPLETED));
        assertFalse(OrderStatus.COMPLETED.allows(OrderStatus.CANCELLED));
        assertFalse(OrderStatus.CANCELLED.allows(OrderStatus.PROCESSING));
        assertFalse(OrderStatus.REFUNDED.allows(OrderStatus.COMPLETED));
        assertEquals(EnumSet.of(OrderStatus.PENDING, OrderStatus.PROCESSING), OrderStatus.sourcesOf(OrderStatus.CANCELLED));
        assertEquals(EnumSet.of(OrderStatus.PROCESSING), OrderStatus.sourcesOf(OrderStatus.COMPLETED));
    }

    @Test
    void paymentStatusTransitions() {
        assertTrue(PaymentStatus.PENDING.allows(PaymentStatus.PAID));
        assertTrue(PaymentStatus.FAILED.allows(PaymentStatus.PAID));
        assertTrue(PaymentStatus.PAID.allows(PaymentStatus.REFUNDED));
        assertFalse(PaymentStatus.PAID.allows(PaymentStatus.FAILED));
        assertFalse(PaymentStatus.PAID.allows(PaymentStatus.PAID));
        assertFalse(PaymentStatus.REFUNDED.allows(PaymentStatus.PAID));
        assertFalse(PaymentStatus.PENDING.allows(PaymentStatus.REFUNDED));
    }

    @Test
    void moneyInMinorUnitsAndOrderIds() {
        assertEquals(5390, Money.minorUnits(new BigDecimal("53.90"), "USD"));
        assertEquals(1999, Money.minorUnits(new BigDecimal("19.99"), "usd"));
        assertEquals(500, Money.minorUnits(new BigDecimal("500"), "JPY"));
        assertEquals(new BigDecimal("49.99"), Money.fromStored(49.99));
        assertTrue(OrderIds.next().matches("AM-\\d{8}-[2-9A-HJ-NP-Z]{6}"));
    }
}
