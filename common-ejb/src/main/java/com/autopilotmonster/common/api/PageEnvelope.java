package com.autopilotmonster.common.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** The list envelope: {@code {success, data: [...], pagination, message, timestamp}}. */
@JsonbPropertyOrder({"success", "data", "pagination", "message", "timestamp"})
public record PageEnvelope<T>(boolean success, List<T> data, Pagination pagination, String message, Instant timestamp) {

    public static <T> PageEnvelope<T> of(Page<T> page, String message) {
        return new PageEnvelope<>(true, page.items(), page.pagination(), message, Instant.now());
    }
}
