package com.autopilotmonster.content.domain;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code content.publish-sweep-seconds} (5): scheduled posts whose time has come are stored as
 * published. Reads do not wait for it: a scheduled post is public from its {@code publishedAt} on anyway.
 */
@ApplicationScoped
public class PublishSweeper {

    private static final Logger LOG = Logger.getLogger(PublishSweeper.class.getName());

    @Inject
    Blogs blogs;

    @Inject
    @ConfigProperty(name = "content.publish-sweep-seconds", defaultValue = "5")
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
            int moved = blogs.publishDue();
            if (moved > 0) {
                LOG.info(() -> moved + " scheduled blog post(s) published");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "publish sweep failed: {0}", e.getMessage());
        }
    }
}
