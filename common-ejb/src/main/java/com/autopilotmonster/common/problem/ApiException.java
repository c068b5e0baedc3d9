package com.autopilotmonster.common.problem;

import java.util.List;
import java.util.Map;

/** A refusal the business code throws on purpose; mapped to problem+json by {@link ApiExceptionMapper}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<FieldViolation> errors;
    private final transient Map<String, String> headers;

    public ApiException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    public ApiException(int status, String slug, String title, String detail, List<FieldViolation> errors,
                        Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
        this.headers = headers;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "Bad Request", detail);
    }

    public static ApiException validation(String detail, List<FieldViolation> errors) {
        return new ApiException(400, "validation", "Validation failed", detail, errors, Map.of());
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not Found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail);
    }

    public static ApiException gone(String detail) {
        return new ApiException(410, "gone", "Gone", detail);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(422, "unprocessable", "Unprocessable Content", detail);
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(429, "rate-limited", "Too Many Requests", detail, List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, "unavailable", "Service Unavailable", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
