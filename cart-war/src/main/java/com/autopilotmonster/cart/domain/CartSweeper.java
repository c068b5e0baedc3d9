package com.autopilotmonster.cart.domain;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes expired carts every {@code cart.sweep-interval-seconds}. Real MongoDB removes them through the
 * TTL index on {@code expiresAt} anyway; stores without TTL expiry (the local Mongo-wire server, some
 * managed MongoDB-compatible services) rely on this. The query uses the same index, so a sweep that finds
 * nothing costs next to nothing and a short interval is fine. Readers never see an expired cart either way
 * ({@link CartStore#find}).
 */
@ApplicationScoped
public class CartSweeper {

    private static final Logger LOG = Logger.getLogger(CartSweeper.class.getName());

    @Inject
    CartStore store;

    @Inject
    @ConfigProperty(name = "cart.sweep-interval-seconds", defaultValue = "20")
    long intervalSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (intervalSeconds > 0) {
            schedule = scheduler.scheduleWithFixedDelay(this::sweep, intervalSeconds, intervalSeconds,
                    TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** @return how many carts were deleted */
    public long sweep() {
        try {
            long deleted = store.deleteExpired(Instant.now());
            if (deleted > 0) {
                LOG.info(() -> "expired carts deleted: " + deleted);
            }
            return deleted;
        } catch (RuntimeException e) {
            // the store may be down for a while; the next run tries again
            LOG.log(Level.WARNING, "cart sweep failed: {0}", e.getMessage());
            return 0;
        }
    }
}
