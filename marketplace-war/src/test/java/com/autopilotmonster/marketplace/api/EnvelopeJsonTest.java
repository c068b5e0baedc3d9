package com.autopilotmonster.marketplace.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.autopilotmonster.common.api.Envelope;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvelopeJsonTest {

    private static String success(String data, String instant) {
        return new String(EnvelopeJson.success(data.getBytes(StandardCharsets.UTF_8), Instant.parse(instant)),
                StandardCharsets.UTF_8);
    }

    @Test
    void wrapsTheDataAsItIsWithTheTimestampAsJsonbWritesIt() {
        assertEquals("{\"success\":true,\"data\":{\"products\":[],\"pagination\":{\"total\":0}},"
                        + "\"timestamp\":\"2026-11-28T10:00:00.123456789Z\"}",
                success("{\"products\":[],\"pagination\":{\"total\":0}}", "2026-11-28T10:00:00.123456789Z"));
        // ISO-8601 drops zero fractions as JSON-B's default Instant format (ISO_INSTANT) does
        assertEquals("{\"success\":true,\"data\":[],\"timestamp\":\"2026-11-28T10:00:00Z\"}",
                success("[]", "2026-11-28T10:00:00Z"));
        assertEquals("{\"success\":true,\"data\":[],\"timestamp\":\"2026-11-28T10:00:00.120Z\"}",
                success("[]", "2026-11-28T10:00:00.120Z"));
    }

    @Test
    void copiesNonAsciiDataByteForByte() {
        byte[] data = "{\"name\":\"N\u00e4me \ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8);
        byte[] answer = EnvelopeJson.success(data, Instant.EPOCH);
        byte[] middle = new byte[data.length];
        System.arraycopy(answer, "{\"success\":true,\"data\":".length(), middle, 0, data.length);
        assertArrayEquals(data, middle);
    }

    @Test
    void followsTheEnvelopesMemberOrder() {
        // written by hand here: if common-ejb's envelope changes shape, this must change with it
        assertArrayEquals(new String[] {"success", "data", "message", "timestamp"},
                Envelope.class.getAnnotation(JsonbPropertyOrder.class).value());
    }
}
