package com.autopilotmonster.admin.client;

import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import java.util.List;
import java.util.Map;

/**
 * The owning service refused the request (4xx): its status, message and field errors are answered unchanged.
 * An answer, not a failure: it never opens a circuit breaker.
 */
public class DownstreamRefusal extends ApiException {

    public DownstreamRefusal(int status, String detail, List<FieldViolation> errors) {
        super(status, slug(status), title(status), detail, errors, Map.of());
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 422 -> "unprocessable";
            case 429 -> "rate-limited";
            default -> "refused";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "Refused";
        };
    }
}
