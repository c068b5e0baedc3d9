package com.autopilotmonster.common.trace;

/** What a span the platform opens itself stands for (OpenTelemetry's span kinds that occur here). */
public enum SpanRole {
    /** an outgoing HTTP call (the gateway forwarding a request) */
    CLIENT,
    /** an event handed to Kafka (the outbox relay) */
    PRODUCER,
    /** an event taken from Kafka and applied (a consumer) */
    CONSUMER
}
