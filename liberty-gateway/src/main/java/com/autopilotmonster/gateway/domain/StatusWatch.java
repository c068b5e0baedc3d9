package com.autopilotmonster.gateway.domain;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Watches every service's readiness through the gateway's health aggregation ({@link ServicesHealth}) every
 * {@code gateway.status.probe-interval-ms}: counts the checks for uptime and latency ({@link UptimeSamples}) and
 * turns changes into incidents. A change counts only after {@code gateway.status.confirm-probes} consecutive
 * probes agree, so one slow answer is no incident. An incident needs a change this instance saw: a service
 * already down when the gateway starts is shown down but opens none (a platform start would open one per
 * service otherwise).
 */
@ApplicationScoped
public class StatusWatch {

    private static final Logger LOG = Logger.getLogger(StatusWatch.class.getName());

    /** The latest probe of one service. */
    public record Observation(boolean up, long latencyMs, String reason, Instant at) {
    }

    /** What this instance believes about one service, and the run of probes that disagree with it. */
    private static final class Tracker {
        Boolean confirmed;
        Boolean candidate;
        int count;
        Instant candidateSince;
        String candidateReason;
    }

    @Inject
    ServicesHealth health;

    @Inject
    Incidents incidents;

    @Inject
    UptimeSamples samples;

    @Inject
    HostSamples host;

    @Inject
    @ConfigProperty(name = "gateway.status.probe-interval-ms", defaultValue = "2000")
    long intervalMs;

    @Inject
    @ConfigProperty(name = "gateway.status.confirm-probes", defaultValue = "2")
    int confirmProbes;

    @Inject
    @ConfigProperty(name = "gateway.status.enabled", defaultValue = "true")
    boolean enabled;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();
    private final Map<String, Observation> latest = new ConcurrentHashMap<>();

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (enabled) {
            scheduler.scheduleWithFixedDelay(this::tick, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        }
    }

    /** The latest probe of each service by this instance (empty until the first probe). */
    public Map<String, Observation> latest() {
        return Map.copyOf(latest);
    }

    void tick() {
        // a scheduled task that throws is never run again: nothing may escape
        try {
            ServicesHealth.Report report = health.probeNow();
            Instant now = Instant.now();
            for (Map.Entry<String, ServicesHealth.ServiceStatus> entry : report.services().entrySet()) {
                ServicesHealth.ServiceStatus status = entry.getValue();
                latest.put(entry.getKey(), new Observation(status.up(), status.latencyMs(), status.error(), now));
                samples.record(entry.getKey(), status.up(), status.latencyMs(), now);
                observe(entry.getKey(), status.up(), status.error(), now);
            }
            host.sample(now);
            samples.flushIfDue(now);
            host.flushIfDue(now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "status watch: {0}", e.toString());
        }
    }

    private void observe(String service, boolean up, String reason, Instant at) {
        Tracker t = trackers.computeIfAbsent(service, s -> new Tracker());
        if (t.confirmed != null && t.confirmed == up) {
            t.candidate = null;
            t.count = 0;
            return;
        }
        if (t.candidate == null || t.candidate != up) {
            t.candidate = up;
            t.count = 1;
            t.candidateSince = at;
            t.candidateReason = reason;
        } else {
            t.count++;
        }
        if (t.count < confirmProbes) {
            return;
        }
        // the store write comes first: if it fails, the change is tried again on the next probe
        if (up) {
            incidents.ended(service, t.candidateSince);
        } else if (Boolean.TRUE.equals(t.confirmed)) {
            incidents.started(service, t.candidateSince, t.candidateReason);
        } else {
            incidents.downWithoutWitness(service, t.candidateSince);
        }
        t.confirmed = up;
        t.candidate = null;
        t.count = 0;
    }
}
