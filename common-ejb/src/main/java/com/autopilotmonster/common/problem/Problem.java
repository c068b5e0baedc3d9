package com.autopilotmonster.common.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * RFC 9457 problem details, plus the members the spec's Node clients read ({@code success:false},
 * {@code message} = detail) and the request id to quote to support.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "success", "message", "requestId", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, boolean success,
                      String message, String requestId, List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://autopilot.monster/problems/";

    public static Problem of(int status, String slug, String title, String detail, String instance, String requestId,
                             List<FieldViolation> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, false, detail, requestId,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }
}
