package com.autopilotmonster.common.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the event's metadata travels in {@code ce_*}
 * headers so the record value stays exactly the spec's payload.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    static Headers of(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, event.id());
        add(headers, TYPE, event.type());
        add(headers, SOURCE, event.source());
        add(headers, TIME, event.time().toString());
        add(headers, CONTENT_TYPE, "application/json");
        return headers;
    }

    public static Map<String, String> read(Headers headers) {
        Map<String, String> values = new HashMap<>();
        for (Header header : headers) {
            if (header.value() != null) {
                values.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
