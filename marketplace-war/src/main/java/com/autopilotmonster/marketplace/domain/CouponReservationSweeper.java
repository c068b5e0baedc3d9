package com.autopilotmonster.marketplace.domain;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives back coupon uses reserved for orders that never appeared ({@code order.created} did not follow within
 * {@code marketplace.coupons.reservation-seconds}): an order service that died between reserving and writing,
 * or a caller reserving without ordering, cannot hold a limited coupon's uses for good.
 */
@ApplicationScoped
public class CouponReservationSweeper {

    private static final Logger LOG = Logger.getLogger(CouponReservationSweeper.class.getName());

    @Inject
    CouponRedemptions redemptions;

    @Inject
    @ConfigProperty(name = "marketplace.coupons.reservation-seconds", defaultValue = "300")
    long reservationSeconds;

    @Inject
    @ConfigProperty(name = "marketplace.coupons.sweep-interval-seconds", defaultValue = "30")
    long intervalSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (intervalSeconds > 0) {
            schedule = scheduler.scheduleWithFixedDelay(this::sweep, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    void sweep() {
        try {
            int released = redemptions.expire(Instant.now().minus(Duration.ofSeconds(reservationSeconds)));
            if (released > 0) {
                LOG.info(() -> "coupon reservations without an order released: " + released);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "coupon reservation sweep failed: {0}", e.getMessage());
        }
    }
}
