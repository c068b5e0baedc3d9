package com.autopilotmonster.marketplace.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The success envelope written around data that is JSON already: {@code {"success":true,"data":<data>,
 * "timestamp":"<ISO-8601>"}}, byte for byte what common-ejb's {@code EnvelopeFilter} and JSON-B write for the same
 * data when the method has no {@code @ResponseMessage} (JSON-B leaves the null message out and writes an
 * {@code Instant} as {@link Instant#toString()} does, ISO-8601 UTC). It lets a cached answer be written as it is,
 * with only the timestamp new; {@code EnvelopeFilter} leaves a {@code byte[]} entity alone.
 */
final class EnvelopeJson {

    private static final byte[] HEAD = "{\"success\":true,\"data\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TIMESTAMP = ",\"timestamp\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "\"}".getBytes(StandardCharsets.UTF_8);

    private EnvelopeJson() {
    }

    /** {@code data} (a JSON value, UTF-8) in the success envelope stamped {@code timestamp}. */
    static byte[] success(byte[] data, Instant timestamp) {
        byte[] time = timestamp.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[HEAD.length + data.length + TIMESTAMP.length + time.length + TAIL.length];
        int at = append(out, 0, HEAD);
        at = append(out, at, data);
        at = append(out, at, TIMESTAMP);
        at = append(out, at, time);
        append(out, at, TAIL);
        return out;
    }

    private static int append(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }
}
