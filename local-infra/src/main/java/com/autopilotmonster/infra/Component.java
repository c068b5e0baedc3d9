package com.autopilotmonster.infra;

import java.util.List;
import java.util.Locale;

/** The pieces of local infrastructure, their addresses and how each one runs. */
enum Component {
    KAFKA("kafka", "kafka.port", "KAFKA_PORT", 9092, "com.autopilotmonster.infra.KafkaDaemon", "-Xmx512m"),
    MONGO("mongo", "mongo.port", "MONGO_PORT", 27017, "com.autopilotmonster.infra.MongoDaemon", "-Xmx384m"),
    REDIS("redis", "redis.port", "REDIS_PORT", 6379, "com.autopilotmonster.infra.RedisDaemon", "-Xmx64m"),
    SMTP("smtp", "smtp.port", "SMTP_PORT", 3025, "com.autopilotmonster.infra.SmtpDaemon", "-Xmx256m"),
    /** OTLP/HTTP trace receiver the local servers export to (their otel.exporter.otlp.endpoint) */
    COLLECTOR("collector", "collector.port", "COLLECTOR_PORT", 4318, "com.autopilotmonster.infra.TraceCollectorDaemon",
            "-Xmx192m");

    final String id;
    private final String portProperty;
    private final String portEnv;
    private final int defaultPort;
    final String mainClass;
    final String heap;

    Component(String id, String portProperty, String portEnv, int defaultPort, String mainClass, String heap) {
        this.id = id;
        this.portProperty = portProperty;
        this.portEnv = portEnv;
        this.defaultPort = defaultPort;
        this.mainClass = mainClass;
        this.heap = heap;
    }

    int port() {
        return InfraSettings.port(portProperty, portEnv, defaultPort);
    }

    String address() {
        return InfraSettings.host() + ":" + port();
    }

    static int mailApiPort() {
        return InfraSettings.port("mail.api.port", "MAIL_API_PORT", 8025);
    }

    static Component of(String name) {
        for (Component c : values()) {
            if (c.id.equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown component '" + name + "'; one of " + List.of("kafka", "mongo",
                "redis", "smtp", "collector"));
    }
}
