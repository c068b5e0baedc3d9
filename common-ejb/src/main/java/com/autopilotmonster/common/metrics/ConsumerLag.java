package com.autopilotmonster.common.metrics;

import com.autopilotmonster.common.events.KafkaAdmins;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Consumer lag per incoming channel as the gauge {@code kafka_consumer_lag{channel, group, topic, service}}: the
 * records of the channel's topic its consumer group has not committed yet (end offset minus committed offset,
 * summed over partitions; a partition the group never committed counts from its earliest offset, as the channels
 * start at the earliest). The liberty-kafka connector does not hand its Kafka client metrics to MicroProfile
 * Metrics, so this asks the broker itself, with one Admin client on a timer ({@code metrics.consumer-lag.poll-ms},
 * 15 s) - never per scrape. NaN while the broker cannot be asked, so a graph shows a gap, not a stale zero.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class.getName());
    private static final String PREFIX = "mp.messaging.incoming.";

    /** One incoming channel of this application. */
    public record Channel(String name, String topic, String group) {
    }

    @Inject
    Config config;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;

    @Inject
    @ConfigProperty(name = "metrics.consumer-lag.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "metrics.consumer-lag.poll-ms", defaultValue = "15000")
    long pollMs;

    @Inject
    @ConfigProperty(name = "health.timeout-ms", defaultValue = "2000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "platform.service.name", defaultValue = "autopilot")
    String service;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<Channel, Double> lags = new ConcurrentHashMap<>();
    private volatile Admin admin;
    private ScheduledFuture<?> schedule;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        List<Channel> channels = channels(config);
        if (!enabled || channels.isEmpty()) {
            return;
        }
        Metadata metadata = Metadata.builder().withName("kafka_consumer_lag")
                .withDescription("Records of the channel's topic not yet consumed (committed) by its consumer group")
                .build();
        for (Channel channel : channels) {
            lags.put(channel, Double.NaN);
            registry.gauge(metadata, channel, c -> lags.getOrDefault(c, Double.NaN), new Tag("service", service),
                    new Tag("channel", channel.name()), new Tag("group", channel.group()),
                    new Tag("topic", channel.topic()));
        }
        schedule = scheduler.scheduleWithFixedDelay(this::refresh, 0, pollMs, TimeUnit.MILLISECONDS);
    }

    /** The Kafka channels of this application, from its {@code mp.messaging.incoming.*} configuration. */
    static List<Channel> channels(Config config) {
        List<Channel> channels = new ArrayList<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && name.endsWith(".topic")) {
                String channel = name.substring(PREFIX.length(), name.length() - ".topic".length());
                String connector = config.getOptionalValue(PREFIX + channel + ".connector", String.class).orElse("");
                config.getOptionalValue(name, String.class).ifPresent(topic -> {
                    if ("liberty-kafka".equals(connector)) {
                        config.getOptionalValue(PREFIX + channel + ".group.id", String.class)
                                .ifPresent(group -> channels.add(new Channel(channel, topic, group)));
                    }
                });
            }
        }
        return channels;
    }

    /** Asks the broker for every channel's committed and end offsets. */
    void refresh() {
        for (Channel channel : List.copyOf(lags.keySet())) {
            try {
                lags.put(channel, (double) lagOf(channel));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                lags.put(channel, Double.NaN);
                LOG.log(Level.FINE, "consumer lag of " + channel + " unknown", e);
            }
        }
    }

    private long lagOf(Channel channel) throws Exception {
        Admin kafka = admin();
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(channel.group())
                .partitionsToOffsetAndMetadata().get(timeoutMs, TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = kafka.describeTopics(List.of(channel.topic())).allTopicNames()
                .get(timeoutMs, TimeUnit.MILLISECONDS).get(channel.topic()).partitions().stream()
                .map(p -> new TopicPartition(channel.topic(), p.partition())).toList();
        Map<TopicPartition, Long> ends = offsets(kafka, partitions, OffsetSpec.latest());
        List<TopicPartition> neverCommitted = partitions.stream()
                .filter(p -> committed.get(p) == null).toList();
        Map<TopicPartition, Long> starts = neverCommitted.isEmpty() ? Map.of()
                : offsets(kafka, neverCommitted, OffsetSpec.earliest());
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long from = done != null ? done.offset() : starts.getOrDefault(partition, 0L);
            lag += Math.max(0, ends.getOrDefault(partition, 0L) - from);
        }
        return lag;
    }

    private Map<TopicPartition, Long> offsets(Admin kafka, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        partitions.forEach(p -> wanted.put(p, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answers = kafka.listOffsets(wanted).all()
                .get(timeoutMs, TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answers.forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = KafkaAdmins.create(bootstrapServers, timeoutMs, service + "-consumer-lag");
                }
            }
        }
        return admin;
    }

    /** The last lag found per channel (NaN: unknown), for tests. */
    public Map<Channel, Double> lags() {
        return Map.copyOf(lags);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
