package com.autopilotmonster.vendor.domain;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code vendor.settle-interval-seconds} (60): due pending credits become available, and interrupted
 * balance operations are finished. Reads of earnings and payout requests settle the caller's own credits
 * first as well, so nobody waits for the sweep to see money that is due.
 */
@ApplicationScoped
public class LedgerSweeper {

    private static final Logger LOG = Logger.getLogger(LedgerSweeper.class.getName());

    @Inject
    Ledger ledger;

    @Inject
    Payouts payouts;

    @Inject
    @ConfigProperty(name = "vendor.settle-interval-seconds", defaultValue = "60")
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
            int moved = ledger.settle(null);
            if (moved > 0) {
                LOG.fine(() -> moved + " ledger credits became available");
            }
            ledger.repair(Duration.ofSeconds(30));
            payouts.repair(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ledger sweep failed: {0}", e.getMessage());
        }
    }
}
