package com.autopilotmonster.common.events;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * An event as a consumer sees it: the CloudEvents id/type/source from the headers and the spec's payload.
 * Records without a {@code ce_id} (written by other producers) are identified by topic-partition-offset,
 * which is just as stable across redeliveries.
 */
public record IncomingEvent(String id, String type, String source, String time, String topic, String key,
                            String payload) {

    public static IncomingEvent from(Message<String> message) {
        ConsumerRecord<?, ?> record = message.unwrap(ConsumerRecord.class);
        return from(record, message.getPayload());
    }

    public static IncomingEvent from(ConsumerRecord<?, ?> record, String payload) {
        Map<String, String> headers = CloudEventHeaders.read(record.headers());
        String id = headers.getOrDefault(CloudEventHeaders.ID,
                record.topic() + "-" + record.partition() + "-" + record.offset());
        return new IncomingEvent(id, headers.getOrDefault(CloudEventHeaders.TYPE, record.topic()),
                headers.get(CloudEventHeaders.SOURCE), headers.get(CloudEventHeaders.TIME), record.topic(),
                record.key() == null ? null : record.key().toString(), payload);
    }

    public <T> T payloadAs(Class<T> type) {
        return com.autopilotmonster.common.api.JsonbSettings.jsonb().fromJson(payload, type);
    }
}
