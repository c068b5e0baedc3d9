package com.autopilotmonster.common.events;

import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The Kafka admin clients the health check and the consumer-lag metric ask the broker with. */
public final class KafkaAdmins {

    private KafkaAdmins() {
    }

    /**
     * An admin client whose every call gives up after {@code timeoutMs} and which retries a lost broker at most
     * every 2 s. Created with the WAR's own Kafka client classes: the thread's context loader may be Liberty's.
     */
    public static Admin create(String bootstrapServers, long timeoutMs, String clientId) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Admin.class.getClassLoader());
        try {
            return Admin.create(props);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
