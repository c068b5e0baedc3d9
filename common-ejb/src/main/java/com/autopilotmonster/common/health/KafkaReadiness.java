package com.autopilotmonster.common.health;

import com.autopilotmonster.common.events.IdempotentConsumer;
import com.autopilotmonster.common.events.KafkaAdmins;
import com.autopilotmonster.common.events.OutboxRelay;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Kafka as readiness data, never as a reason to stop serving: requests do not need the broker (events wait in the
 * outbox and are delivered when it is back), so a broker outage keeps this check UP and reports it - {@code broker}
 * DOWN with the error, {@code degraded} true - for dashboards and the gateway's {@code /health}. It also reports a
 * stalled outbox (oldest unsent event older than {@code outbox.stall-after-s}), parked events are in
 * {@code dead_events}, and incoming channels stopped by a nack. Off where {@code health.kafka.enabled=false}.
 * <p>
 * The broker is asked in the background ({@link LastAnswer}): the fault suite saw all eight services "DOWN" for the
 * whole Kafka outage while probes waited out the broker's deadline (README "Fault suite").
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;

    @Inject
    @ConfigProperty(name = "health.kafka.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    DependencyProbes probes;

    @Inject
    @ConfigProperty(name = "outbox.stall-after-s", defaultValue = "60")
    long stallAfterSeconds;

    @Inject
    Instance<OutboxRelay> relay;

    @Inject
    Instance<IdempotentConsumer> consumers;

    private volatile Admin admin;
    private LastAnswer brokerAnswer;

    @PostConstruct
    void init() {
        brokerAnswer = probes.lastAnswer("kafka", this::brokers);
    }

    @Override
    public HealthCheckResponse call() {
        if (!enabled) {
            return HealthCheckResponse.named("kafka").up().withData("used", false).build();
        }
        HealthCheckResponse broker = brokerAnswer.get();
        boolean brokerUp = broker.getStatus() == HealthCheckResponse.Status.UP;
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("kafka").up()
                .withData("broker", brokerUp ? "UP" : "DOWN");
        broker.getData().ifPresent(data -> data.forEach((k, v) -> builder.withData(k, String.valueOf(v))));
        boolean degraded = !brokerUp;
        if (relay.isResolvable()) {
            OutboxRelay.Status outbox = relay.get().status();
            boolean stalled = outbox.oldestUnsentAge() != null && outbox.oldestUnsentAge().toSeconds() > stallAfterSeconds;
            builder.withData("outboxPending", outbox.pending()).withData("outboxStalled", stalled);
            if (outbox.oldestUnsentAge() != null) {
                builder.withData("outboxOldestUnsentSeconds", outbox.oldestUnsentAge().toSeconds());
            }
            if (outbox.lastError() != null) {
                builder.withData("outboxError", outbox.lastError());
            }
            degraded |= stalled;
        }
        if (consumers.isResolvable() && !consumers.get().deadChannels().isEmpty()) {
            builder.withData("deadChannels", String.join(", ", consumers.get().deadChannels()));
            degraded = true;
        }
        return builder.withData("degraded", degraded).build();
    }

    private String brokers() throws Exception {
        long timeoutMs = probes.timeoutMs();
        int brokers = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                .nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
        return bootstrapServers + " (" + brokers + " broker" + (brokers == 1 ? ")" : "s)");
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = KafkaAdmins.create(bootstrapServers, probes.timeoutMs(), "readiness");
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
