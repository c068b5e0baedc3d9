package com.autopilotmonster.common.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox relay's Kafka producer. It sends to the topic each event names and sets CloudEvents headers
 * per record, which a fixed MP Reactive Messaging outgoing channel cannot do; consumers use MP Reactive
 * Messaging. Idempotent and acks=all, with bounded blocking so a dead broker never stalls the relay long.
 */
@ApplicationScoped
public class KafkaProducerProducer {

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;

    @Produces
    @Singleton
    Producer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "8000");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        // kafka-clients loads classes through the thread context loader; make that the app's loader
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(KafkaProducer.class.getClassLoader());
        try {
            return new KafkaProducer<>(props);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    void close(@Disposes Producer<String, String> producer) {
        producer.close(Duration.ofSeconds(2));
    }
}
