package com.autopilotmonster.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.autopilotmonster.common.problem.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CouponPricingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static Coupon coupon(String type, String value, String min, Long maxUses, long used, String scope,
                                 List<String> ids, Instant starts, Instant ends) {
        return new Coupon("c1", "SAVE", type, new BigDecimal(value), "USD", min == null ? null : new BigDecimal(min),
                starts, ends, maxUses, null, used, scope, ids, true, null, NOW, NOW);
    }

    private static Coupon percent(String value) {
        return coupon(Coupon.PERCENTAGE, value, null, null, 0, "all", List.of(), null, null);
    }

    private static final List<CouponPricing.Line> LINES = List.of(
            new CouponPricing.Line("p1", "automation", "v1", new BigDecimal("10.00"), 1),
            new CouponPricing.Line("p2", "agents", "v2", new BigDecimal("3.33"), 3),
            new CouponPricing.Line("p3", "agents", "v1", new BigDecimal("0.01"), 1));

    @Test
    void percentageOfEveryLineSharedToTheCent() {
        CouponPricing.Quote q = CouponPricing.quote(percent("15"), LINES, NOW);
        assertEquals(new BigDecimal("20.00"), q.subtotal());
        assertEquals(new BigDecimal("3.00"), q.discount());
        BigDecimal shares = q.lines().stream().map(CouponPricing.LineDiscount::discount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, q.discount().compareTo(shares), "shares add up to the discount");
        assertEquals(new BigDecimal("1.50"), q.lines().get(0).discount());
        assertEquals(new BigDecimal("1.50"), q.lines().get(1).discount());
        assertEquals(new BigDecimal("0.00"), q.lines().get(2).discount());
    }

    @Test
    void fixedAmountNeverExceedsWhatItAppliesTo() {
        Coupon fixed = coupon(Coupon.FIXED, "5.00", null, null, 0, "vendors", List.of("v1"), null, null);
        CouponPricing.Quote q = CouponPricing.quote(fixed, LINES, NOW);
        assertEquals(new BigDecimal("10.01"), q.eligibleSubtotal());
        assertEquals(new BigDecimal("5.00"), q.discount());
        assertEquals(new BigDecimal("0.00"), q.lines().get(1).discount(), "another vendor's line is not discounted");
        Coupon big = coupon(Coupon.FIXED, "50.00", null, null, 0, "products", List.of("p2"), null, null);
        assertEquals(new BigDecimal("9.99"), CouponPricing.quote(big, LINES, NOW).discount());
    }

    @Test
    void scopeByCategory() {
        Coupon agents = coupon(Coupon.PERCENTAGE, "100", null, null, 0, "categories", List.of("agents"), null, null);
        CouponPricing.Quote q = CouponPricing.quote(agents, LINES, NOW);
        assertEquals(new BigDecimal("10.00"), q.discount());
        assertEquals(new BigDecimal("0.00"), q.lines().get(0).discount());
    }

    @Test
    void unusableCouponsSayWhy() {
        assertRefused(coupon(Coupon.PERCENTAGE, "10", "25.00", null, 0, "all", List.of(), null, null), "at least 25.00");
        assertRefused(coupon(Coupon.PERCENTAGE, "10", null, null, 0, "all", List.of(), NOW.plusSeconds(60), null), "not valid before");
        assertRefused(coupon(Coupon.PERCENTAGE, "10", null, null, 0, "all", List.of(), null, NOW), "expired");
        assertRefused(coupon(Coupon.PERCENTAGE, "10", null, 3L, 3, "all", List.of(), null, null), "used up");
        assertRefused(coupon(Coupon.PERCENTAGE, "10", null, null, 0, "products", List.of("p9"), null, null), "does not apply");
    }

    private static void assertRefused(Coupon coupon, String why) {
        ApiException e = assertThrows(ApiException.class, () -> CouponPricing.quote(coupon, LINES, NOW));
        assertEquals(422, e.status());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
