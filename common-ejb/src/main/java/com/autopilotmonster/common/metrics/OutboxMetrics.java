package com.autopilotmonster.common.metrics;

import com.autopilotmonster.common.events.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The outbox as two gauges per service: {@code outbox_pending_events} (events the relay's last sweep left unsent)
 * and {@code outbox_oldest_unsent_age_seconds} (0 when none). Both read what the relay's own sweep found
 * ({@link OutboxRelay#status()}), so a scrape costs no store query; the age grows between sweeps because it is
 * computed from the oldest event's time at read. The relay reads one batch (100) per source per sweep, so a
 * larger backlog shows as at least that many. Not registered where the outbox is off ({@code outbox.enabled}).
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    OutboxRelay relay;

    @Inject
    @ConfigProperty(name = "outbox.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "platform.service.name", defaultValue = "autopilot")
    String service;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!enabled) {
            return;
        }
        Tag tag = new Tag("service", service);
        registry.gauge(Metadata.builder().withName("outbox_pending_events")
                .withDescription("Events the outbox relay's last sweep left unsent (Kafka away or slow)").build(),
                relay, r -> r.status().pending(), tag);
        registry.gauge(Metadata.builder().withName("outbox_oldest_unsent_age_seconds")
                .withDescription("Age of the oldest event the outbox relay has not delivered yet, 0 when none").build(),
                relay, OutboxMetrics::oldestAgeSeconds, tag);
    }

    private static double oldestAgeSeconds(OutboxRelay relay) {
        Duration age = relay.status().oldestUnsentAge();
        return age == null ? 0 : Math.max(0, age.toMillis() / 1000.0);
    }
}
