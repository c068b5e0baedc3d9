package com.autopilotmonster.gateway.api;

import com.autopilotmonster.gateway.domain.HostSamples;
import com.autopilotmonster.gateway.domain.Incidents;
import com.autopilotmonster.gateway.domain.UptimeSamples;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
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
     * {@code SystemMetrics} key but counts the gateway's readiness checks, not user traffic.
     */
    public record Requests(long total, long successful, long failed, Long averageResponseTime) {
    }

    /** The gateway host's CPU: mean load over the point in per cent of all cores. */
    public record Cpu(double usage, int cores) {
    }

    /** Bytes used and available (memory: mean over the point; disk: the file store of the gateway's server). */
    public record Capacity(long used, long total, double percentage) {
        static Capacity of(long used, long total) {
            return new Capacity(used, total, total == 0 ? 0 : Math.round(used * 10_000.0 / total) / 100.0);
        }
    }

    /** Bytes the host received and sent over the point (all interfaces but loopback). */
    public record Network(long incoming, long outgoing) {
    }

    /** One point of {@code GET /api/system/metrics}; the host figures are absent for a period without samples. */
    @JsonbPropertyOrder({"timestamp", "cpu", "memory", "disk", "network", "requests", "services"})
    public record MetricsPoint(Instant timestamp, Cpu cpu, Capacity memory, Capacity disk, Network network,
                               Requests requests, Map<String, ServiceMetrics> services) {

        static MetricsPoint of(UptimeSamples.Point point, HostSamples.Sums host) {
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
            Requests requests = new Requests(checks, up, checks - up, checks == 0 ? null : Math.round((double) latency / checks));
            if (host == null) {
                return new MetricsPoint(point.bucketStart(), null, null, null, null, requests, services);
            }
            return new MetricsPoint(point.bucketStart(), new Cpu(host.cpuPercent(), host.cores()),
                    Capacity.of(host.memoryUsed(), host.memoryTotal()), Capacity.of(host.diskUsed(), host.diskTotal()),
                    host.bytesIn() == null ? null : new Network(host.bytesIn(), host.bytesOut()), requests, services);
        }
    }
}
