package com.autopilotmonster.gateway.api;

import com.autopilotmonster.gateway.domain.Incidents;
import com.autopilotmonster.gateway.domain.UptimeSamples;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the status API answers, in the shapes of the original web client's {@code system.api.ts} types. */
public final class SystemViews {

    private SystemViews() {
    }

    /**
     * {@code SystemStatus}: {@code operational | degraded | down}; {@code uptime} is the services' mean
     * readiness uptime in per cent over 30 days (absent before the first counts); plus every service.
     */
    public record StatusView(String status, Double uptime, String version, Instant lastUpdated,
                             List<ServiceView> services) {
    }

    /** {@code ServiceStatus}: {@code responseTime} is the readiness check's latency in ms, uptime per cent (30 days). */
    public record ServiceView(String name, String status, long responseTime, Double uptime, Instant lastChecked) {
    }

    /** {@code SystemHealth}. No maintenance scheduling exists, so {@code upcomingMaintenance} is always empty. */
    public record HealthView(StatusView overall, List<ServiceView> services, List<IncidentView> incidents,
                             List<Object> upcomingMaintenance) {
    }

    /**
     * An incident in the client's fields ({@code id, title, description, severity, status: investigating |
     * resolved, startTime, resolvedTime, affectedServices}) and the record's own ({@code incidentId, service,
     * serviceStatus, startedAt, endedAt, durationSeconds}).
     */
    public record IncidentView(String id, String incidentId, String title, String description, String severity,
                               String status, Instant startTime, Instant resolvedTime, List<String> affectedServices,
                               String service, String serviceStatus, Instant startedAt, Instant endedAt,
                               Long durationSeconds) {

        /** One service unavailable. */
        static final String SEVERITY = "major";

        static IncidentView of(Incidents.Incident i) {
            String title = i.service() + " unavailable";
            String description = "The " + i.service() + " service did not report ready"
                    + (i.reason() == null ? "" : " (" + i.reason() + ")")
                    + (i.open() ? "." : "; it was back after " + i.durationSeconds() + " s.");
            return new IncidentView(i.incidentId(), i.incidentId(), title, description, SEVERITY,
                    i.open() ? "investigating" : "resolved", i.startedAt(), i.endedAt(), List.of(i.service()),
                    i.service(), i.serviceStatus(), i.startedAt(), i.endedAt(), i.durationSeconds());
        }
    }

    /** Per-service uptime and latency. */
    public record ServiceMetrics(Double uptime, Long averageResponseTime, long checks) {
    }

    /**
     * Readiness checks of all services in the point's period: {@code requests} keeps the client's
     * {@code SystemMetrics} key but counts the gateway's readiness checks, not user traffic (host figures such as
     * CPU, memory and disk are not published).
     */
    public record Requests(long total, long successful, long failed, Long averageResponseTime) {
    }

    /** One point of {@code GET /api/system/metrics}. */
    public record MetricsPoint(Instant timestamp, Map<String, ServiceMetrics> services, Requests requests) {

        static MetricsPoint of(UptimeSamples.Point point) {
            Map<String, ServiceMetrics> services = new LinkedHashMap<>();
            long checks = 0;
            long up = 0;
            long latency = 0;
            for (Map.Entry<String, UptimeSamples.Counts> e : point.services().entrySet()) {
                UptimeSamples.Counts c = e.getValue();
                services.put(e.getKey(), new ServiceMetrics(c.uptimePercent(), c.averageLatencyMs(), c.checks()));
                checks += c.checks();
                up += c.up();
                latency += c.latencySumMs();
            }
            return new MetricsPoint(point.bucketStart(), services, new Requests(checks, up, checks - up,
                    checks == 0 ? null : Math.round((double) latency / checks)));
        }
    }
}
