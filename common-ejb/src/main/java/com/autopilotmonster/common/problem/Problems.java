package com.autopilotmonster.common.problem;

import com.autopilotmonster.common.web.RequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem+json answers; the one place that knows the error wire format. */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail) {
        return response(status, slug, title, detail, List.of(), Map.of());
    }

    public static Response response(int status, String slug, String title, String detail,
                                    List<FieldViolation> errors, Map<String, String> headers) {
        Problem problem = Problem.of(status, slug, title, detail, RequestContext.path(), RequestContext.requestId(),
                errors);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(builder::header);
        return builder.build();
    }

    public static Response from(ApiException e) {
        return response(e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), e.headers());
    }

    /** Standard title and slug for a bare HTTP status (container errors, JAX-RS built-ins). */
    public static Response forStatus(int status, String detail) {
        return response(status, slugFor(status), titleFor(status), detail);
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Internal Server Error" : "Request Error";
        };
    }

    static String slugFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "request-error";
        };
    }

    public static String defaultDetail(int status) {
        return switch (status) {
            case 401 -> "A valid bearer token is required";
            case 403 -> "You are not allowed to do this";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource answers application/json only";
            case 413 -> "The request body is too large";
            case 415 -> "Send the request body as application/json";
            default -> status >= 500 ? "An unexpected error occurred; quote the request id to support"
                    : titleFor(status);
        };
    }
}
