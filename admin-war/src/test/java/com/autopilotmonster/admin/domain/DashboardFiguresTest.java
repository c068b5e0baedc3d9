package com.autopilotmonster.admin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The dashboard's derived figures the original web client reads: revenue growth and the health percentages. */
class DashboardFiguresTest {

    @Test
    void revenueGrowthIsThePercentChangeOfTheLast30DaysOverThe30Before() {
        assertEquals(new BigDecimal("50.0"), Dashboard.growth(10_000, 15_000));
        assertEquals(new BigDecimal("-25.0"), Dashboard.growth(10_000, 7_500));
        assertEquals(new BigDecimal("33.3"), Dashboard.growth(300, 400));
        assertEquals(new BigDecimal("0.0"), Dashboard.growth(500, 500));
        // refunds can make the earlier net negative: the change is still measured against its size
        assertEquals(new BigDecimal("200.0"), Dashboard.growth(-1_000, 1_000));
    }

    @Test
    void noEarlierRevenueIsNoGrowthFigure() {
        assertEquals(BigDecimal.ZERO, Dashboard.growth(0, 0));
        assertEquals(BigDecimal.ZERO, Dashboard.growth(0, 12_345));
    }

    @Test
    void percentagesHaveTwoDecimalsAndADefaultWhenNothingWasMeasured() {
        assertEquals(new BigDecimal("42.86"), HealthSummary.percent(3, 7, 100));
        assertEquals(new BigDecimal("100.00"), HealthSummary.percent(7, 7, 100));
        assertEquals(new BigDecimal("0.00"), HealthSummary.percent(0, 7, 100));
        assertEquals(BigDecimal.valueOf(100), HealthSummary.percent(0, 0, 100));
        assertEquals(BigDecimal.valueOf(0), HealthSummary.percent(0, 0, 0));
    }
}
