package com.autopilotmonster.gateway.domain;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway host's CPU, memory, disk and network, sampled with every status probe and kept per 5 minutes and per
 * hour next to the readiness samples, for the status page's {@code SystemMetrics} (the original client's
 * cpu/memory/disk/network). These are the figures of the machine the gateway runs on, read from the JVM's
 * operating-system bean, the file store of the server's directory and {@code /proc/net/dev} (Linux; elsewhere
 * the network figures stay absent rather than made up).
 */
@ApplicationScoped
public class HostSamples {

    /** Sums over one bucket: {@code samples} readings of CPU (per mille) and used memory, network bytes moved. */
    public record Sums(long samples, long cpuPermilleSum, long memoryUsedSum, long memoryTotal, long diskUsed,
                       long diskTotal, int cores, Long bytesIn, Long bytesOut) {

        Sums plus(Sums later) {
            return new Sums(samples + later.samples, cpuPermilleSum + later.cpuPermilleSum,
                    memoryUsedSum + later.memoryUsedSum, later.memoryTotal, later.diskUsed, later.diskTotal, later.cores,
                    add(bytesIn, later.bytesIn), add(bytesOut, later.bytesOut));
        }

        private static Long add(Long a, Long b) {
            return a == null ? b : b == null ? a : a + b;
        }

        public double cpuPercent() {
            return samples == 0 ? 0 : Math.round(cpuPermilleSum / (double) samples) / 10.0;
        }

        public long memoryUsed() {
            return samples == 0 ? 0 : memoryUsedSum / samples;
        }
    }

    @Inject
    StatusStore store;

    @Inject
    @ConfigProperty(name = "gateway.status.flush-ms", defaultValue = "30000")
    long flushMs;

    private final Map<Long, Sums> pending = new ConcurrentHashMap<>();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /*
     * Read when the bean starts, so that the first sample already has an interval to count bytes over: without it a
     * bucket whose only sample is the first would report no network figures although the host has them.
     */
    private volatile long[] lastNetwork = networkTotals();
    private volatile long lastFlush = System.currentTimeMillis();

    void sample(Instant at) {
        double load = os.getCpuLoad(); // negative until the JVM has a first reading
        long total = os.getTotalMemorySize();
        File disk = new File(".").getAbsoluteFile();
        long[] network = networkTotals();
        Long in = null;
        Long out = null;
        if (network != null && lastNetwork != null) {
            in = Math.max(0, network[0] - lastNetwork[0]);
            out = Math.max(0, network[1] - lastNetwork[1]);
        }
        lastNetwork = network;
        Sums reading = new Sums(1, load < 0 ? 0 : Math.round(load * 1000), total - os.getFreeMemorySize(), total,
                disk.getTotalSpace() - disk.getUsableSpace(), disk.getTotalSpace(), os.getAvailableProcessors(), in, out);
        pending.merge(UptimeSamples.floor(at.toEpochMilli(), UptimeSamples.FIVE_MINUTES), reading, Sums::plus);
    }

    /** The readings of the five minutes holding {@code at} that are not yet written to the store, or null. */
    Sums unflushed(Instant at) {
        return pending.get(UptimeSamples.floor(at.toEpochMilli(), UptimeSamples.FIVE_MINUTES));
    }

    void flushIfDue(Instant now) {
        if (now.toEpochMilli() - lastFlush < flushMs) {
            return;
        }
        for (Long bucket : List.copyOf(pending.keySet())) {
            Sums sums = pending.remove(bucket);
            if (sums == null) {
                continue;
            }
            try {
                add("5m", bucket, sums);
                add("1h", UptimeSamples.floor(bucket, UptimeSamples.HOUR), sums);
            } catch (RuntimeException e) {
                pending.merge(bucket, sums, (kept, failed) -> failed.plus(kept));
                throw e;
            }
        }
        lastFlush = now.toEpochMilli();
        store.hostSamples().deleteMany(Filters.and(Filters.eq("granularity", "5m"),
                Filters.lt("bucketStart", Date.from(now.minus(Duration.ofDays(2))))));
        store.hostSamples().deleteMany(Filters.and(Filters.eq("granularity", "1h"),
                Filters.lt("bucketStart", Date.from(now.minus(Duration.ofDays(35))))));
    }

    private void add(String granularity, long bucketStart, Sums sums) {
        List<org.bson.conversions.Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert("granularity", granularity), Updates.setOnInsert("bucketStart", new Date(bucketStart)),
                Updates.inc("samples", sums.samples()), Updates.inc("cpuPermilleSum", sums.cpuPermilleSum()),
                Updates.inc("memoryUsedSum", sums.memoryUsedSum()), Updates.set("memoryTotal", sums.memoryTotal()),
                Updates.set("diskUsed", sums.diskUsed()), Updates.set("diskTotal", sums.diskTotal()),
                Updates.set("cores", sums.cores())));
        if (sums.bytesIn() != null) {
            updates.add(Updates.inc("bytesIn", sums.bytesIn()));
            updates.add(Updates.inc("bytesOut", sums.bytesOut()));
        }
        store.hostSamples().updateOne(Filters.eq("_id", granularity + "|" + bucketStart), Updates.combine(updates),
                new UpdateOptions().upsert(true));
    }

    /** The host's figures per point of {@code stepMillis} since {@code since}, with the not yet flushed readings. */
    public Map<Instant, Sums> points(Instant since, long stepMillis) {
        String granularity = stepMillis < UptimeSamples.HOUR ? "5m" : "1h";
        long from = UptimeSamples.floor(since.toEpochMilli(), stepMillis);
        TreeMap<Long, Sums> points = new TreeMap<>();
        for (Document d : store.hostSamples().find(Filters.and(Filters.eq("granularity", granularity),
                Filters.gte("bucketStart", new Date(from))))) {
            points.merge(UptimeSamples.floor(d.getDate("bucketStart").getTime(), stepMillis), new Sums(
                    number(d, "samples"), number(d, "cpuPermilleSum"), number(d, "memoryUsedSum"), number(d, "memoryTotal"),
                    number(d, "diskUsed"), number(d, "diskTotal"), (int) number(d, "cores"),
                    d.containsKey("bytesIn") ? number(d, "bytesIn") : null,
                    d.containsKey("bytesOut") ? number(d, "bytesOut") : null), Sums::plus);
        }
        pending.forEach((bucket, sums) -> {
            if (bucket >= from) {
                points.merge(UptimeSamples.floor(bucket, stepMillis), sums, Sums::plus);
            }
        });
        Map<Instant, Sums> answer = new LinkedHashMap<>();
        points.forEach((bucket, sums) -> answer.put(Instant.ofEpochMilli(bucket), sums));
        return answer;
    }

    /** Bytes received and sent by every interface but loopback since boot, or null where /proc/net/dev is absent. */
    static long[] networkTotals() {
        Path dev = Path.of("/proc/net/dev");
        if (!Files.isReadable(dev)) {
            return null;
        }
        try {
            long in = 0;
            long out = 0;
            for (String line : Files.readAllLines(dev)) {
                int colon = line.indexOf(':');
                if (colon < 0 || line.substring(0, colon).strip().equals("lo")) {
                    continue;
                }
                String[] fields = line.substring(colon + 1).strip().split("\\s+");
                if (fields.length >= 9) {
                    in += Long.parseLong(fields[0]);
                    out += Long.parseLong(fields[8]);
                }
            }
            return new long[] {in, out};
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
