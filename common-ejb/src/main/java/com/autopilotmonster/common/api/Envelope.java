package com.autopilotmonster.common.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * The success envelope the spec's Node clients read: {@code {success, data, message, timestamp}}.
 * Resources return plain objects; {@link EnvelopeFilter} wraps them, so this shape is produced in one place.
 */
@JsonbPropertyOrder({"success", "data", "message", "timestamp"})
public record Envelope<T>(boolean success, T data, String message, Instant timestamp) {

    public static <T> Envelope<T> of(T data, String message) {
        return new Envelope<>(true, data, message, Instant.now());
    }
}
