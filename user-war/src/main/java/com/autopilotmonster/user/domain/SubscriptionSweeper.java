package com.autopilotmonster.user.domain;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code user.subscription.sweep-interval-seconds} ends the subscriptions whose time is up
 * ({@link Subscriptions#endLapsed}): readers already stop counting an ended period as active, but the stored
 * status would otherwise say {@code active} forever and the sandbox (which has no Stripe to send
 * {@code customer.subscription.deleted}) would never end one. Runs on every instance; the conditional updates
 * make concurrent sweeps harmless.
 */
@ApplicationScoped
public class SubscriptionSweeper {

    private static final Logger LOG = Logger.getLogger(SubscriptionSweeper.class.getName());

    @Inject
    Subscriptions subscriptions;

    @Inject
    @ConfigProperty(name = "user.subscription.sweep-interval-seconds", defaultValue = "300")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "user.subscription.renewal-grace", defaultValue = "PT72H")
    Duration renewalGrace;

    @Inject
    @ConfigProperty(name = "user.subscription.incomplete-timeout", defaultValue = "PT24H")
    Duration incompleteTimeout;

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

    /** @return how many subscriptions were ended */
    public int sweep() {
        try {
            int ended = subscriptions.endLapsed(new Date(), renewalGrace, incompleteTimeout);
            if (ended > 0) {
                LOG.info(() -> "lapsed subscriptions ended: " + ended);
            }
            return ended;
        } catch (RuntimeException e) {
            // the store may be down for a while; the next run tries again
            LOG.log(Level.WARNING, "subscription sweep failed: {0}", e.getMessage());
            return 0;
        }
    }
}
