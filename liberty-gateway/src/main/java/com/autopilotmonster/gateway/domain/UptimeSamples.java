package com.autopilotmonster.gateway.domain;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * Readiness checks counted per service: how many, how many ready, their summed latency, in 5-minute buckets
 * (kept 2 days) and hourly buckets (kept 35 days) in {@code status_samples}. Counted in memory and added to
 * the store every {@code gateway.status.flush-ms} with {@code $inc}, so several gateway instances add up (the
 * ratios stay right) and the store sees a few writes a minute, not one per probe.
 */
@ApplicationScoped
public class UptimeSamples {

    static final long FIVE_MINUTES = Duration.ofMinutes(5).toMillis();
    static final long HOUR = Duration.ofHours(1).toMillis();

    /** Counts over some period: checks, ready checks, summed latency of the checks. */
    public record Counts(long checks, long up, long latencySumMs) {
        Counts plus(Counts other) {
            return new Counts(checks + other.checks, up + other.up, latencySumMs + other.latencySumMs);
        }

        /** Per cent of checks that found the service ready, two decimals; null without checks. */
        public Double uptimePercent() {
            return checks == 0 ? null : Math.round(up * 10_000.0 / checks) / 100.0;
        }

        public Long averageLatencyMs() {
            return checks == 0 ? null : Math.round((double) latencySumMs / checks);
        }
    }

    /** The counts of one time bucket, per service. */
    public record Point(Instant bucketStart, Map<String, Counts> services) {
    }

    private record Key(String service, long bucket5m) {
    }

    @Inject
    StatusStore store;

    @Inject
    @ConfigProperty(name = "gateway.status.flush-ms", defaultValue = "30000")
    long flushMs;

    private final Map<Key, Counts> pending = new ConcurrentHashMap<>();
    private volatile long lastFlush = System.currentTimeMillis();
    private volatile long lastSweep;

    void record(String service, boolean up, long latencyMs, Instant at) {
        Key key = new Key(service, floor(at.toEpochMilli(), FIVE_MINUTES));
        pending.merge(key, new Counts(1, up ? 1 : 0, latencyMs), Counts::plus);
    }

    void flushIfDue(Instant now) {
        if (now.toEpochMilli() - lastFlush < flushMs) {
            return;
        }
        for (Key key : List.copyOf(pending.keySet())) {
            Counts counts = pending.remove(key);
            if (counts == null) {
                continue;
            }
            try {
                add(key.service(), "5m", key.bucket5m(), counts);
                add(key.service(), "1h", floor(key.bucket5m(), HOUR), counts);
            } catch (RuntimeException e) {
                pending.merge(key, counts, Counts::plus); // kept for the next flush (the store may be down)
                throw e;
            }
        }
        lastFlush = now.toEpochMilli();
        if (now.toEpochMilli() - lastSweep > HOUR) {
            store.samples().deleteMany(Filters.and(Filters.eq("granularity", "5m"),
                    Filters.lt("bucketStart", Date.from(now.minus(Duration.ofDays(2))))));
            store.samples().deleteMany(Filters.and(Filters.eq("granularity", "1h"),
                    Filters.lt("bucketStart", Date.from(now.minus(Duration.ofDays(35))))));
            lastSweep = now.toEpochMilli();
        }
    }

    private void add(String service, String granularity, long bucketStart, Counts counts) {
        store.samples().updateOne(Filters.eq("_id", service + "|" + granularity + "|" + bucketStart),
                Updates.combine(Updates.setOnInsert("service", service),
                        Updates.setOnInsert("granularity", granularity),
                        Updates.setOnInsert("bucketStart", new Date(bucketStart)),
                        Updates.inc("checks", counts.checks()), Updates.inc("up", counts.up()),
                        Updates.inc("latencySumMs", counts.latencySumMs())),
                new UpdateOptions().upsert(true));
    }

    /**
     * Points of {@code stepMillis} from {@code since} to now, newest last, from the 5-minute buckets when the
     * step is under an hour and the hourly ones otherwise, with this instance's not yet flushed counts.
     */
    public List<Point> points(Instant since, long stepMillis) {
        String granularity = stepMillis < HOUR ? "5m" : "1h";
        long from = floor(since.toEpochMilli(), stepMillis);
        TreeMap<Long, Map<String, Counts>> points = new TreeMap<>();
        for (Document d : store.samples().find(Filters.and(Filters.eq("granularity", granularity),
                Filters.gte("bucketStart", new Date(from))))) {
            long bucket = floor(d.getDate("bucketStart").getTime(), stepMillis);
            points.computeIfAbsent(bucket, b -> new LinkedHashMap<>()).merge(d.getString("service"),
                    new Counts(number(d, "checks"), number(d, "up"), number(d, "latencySumMs")), Counts::plus);
        }
        for (Map.Entry<Key, Counts> entry : pending.entrySet()) {
            if (entry.getKey().bucket5m() >= from) {
                long bucket = floor(entry.getKey().bucket5m(), stepMillis);
                points.computeIfAbsent(bucket, b -> new LinkedHashMap<>())
                        .merge(entry.getKey().service(), entry.getValue(), Counts::plus);
            }
        }
        List<Point> answer = new ArrayList<>();
        points.forEach((bucket, services) -> answer.add(new Point(Instant.ofEpochMilli(bucket), services)));
        return answer;
    }

    /** Each service's counts since {@code since}. */
    public Map<String, Counts> totals(Instant since) {
        Map<String, Counts> totals = new LinkedHashMap<>();
        for (Point point : points(since, Duration.ofDays(1).toMillis())) {
            point.services().forEach((service, counts) -> totals.merge(service, counts, Counts::plus));
        }
        return totals;
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    static long floor(long epochMillis, long step) {
        return epochMillis - Math.floorMod(epochMillis, step);
    }
}
