package com.autopilotmonster.bench.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

/**
 * What really reached the broker: every record of a topic, read from the beginning up to its current end
 * without a consumer group, as the CloudEvents id ({@code ce_id} header) of each record per order id, and the
 * payload of the first record of each order that names one of the load's products (the topic also holds
 * every other run's and test's orders).
 */
final class EventLedger {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

    private final String bootstrap;

    EventLedger(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * @param ids      order id -> the ce_id of each record about it (a repeated id is a redelivery, a new id a
     *                 second event)
     * @param payloads order id -> its first record's payload, for the orders of the load's products only
     */
    record Records(Map<String, List<String>> ids, Map<String, Document> payloads) {
    }

    Records read(String topic, Set<String> products) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "chaos-ledger-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, List<String>> byOrder = new HashMap<>();
        Map<String, Document> payloads = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 2 minutes");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    String value = record.value() == null ? "" : record.value();
                    Matcher m = ORDER_ID.matcher(value);
                    if (m.find()) {
                        byOrder.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(header(record, "ce_id"));
                        if (!payloads.containsKey(m.group(1)) && products.stream().anyMatch(value::contains)) {
                            parse(value).ifPresent(d -> payloads.put(m.group(1), d));
                        }
                    }
                }
            }
        }
        return new Records(byOrder, payloads);
    }

    private static java.util.Optional<Document> parse(String json) {
        try {
            return java.util.Optional.of(Document.parse(json));
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // not this platform's JSON: its ids above are all the check needs
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
