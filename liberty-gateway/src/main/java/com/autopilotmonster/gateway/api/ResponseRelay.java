package com.autopilotmonster.gateway.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes an upstream's answer to the client: status, headers (not hop-by-hop ones, not the gateway's own twice)
 * and body. A body of known, small length arrives whole before the answer is handed over, so the thread that relays
 * it does not wait on the upstream; a larger or chunked one streams through.
 */
final class ResponseRelay {

    /** Answers up to this size are read whole by the HTTP client (no thread waits on them). */
    static final long WHOLE_BODY_LIMIT = 64 * 1024;
    /** Liberty's telemetry names the answering span in this header (its access log reads it): the gateway's own,
     *  not the upstream's, belongs in the gateway's answer and access log. */
    private static final String UPSTREAM_SPAN = "io.openliberty.trace";
    /** Headers the gateway itself sets on every answer: the upstream's copy must not be appended twice. */
    private static final Set<String> OWN_HEADERS = Set.of("x-request-id", "x-content-type-options",
            "x-frame-options", "referrer-policy", "cache-control", "x-trace-id");

    private ResponseRelay() {
    }

    /** Small answers whole, the rest as a stream; both read as an InputStream by {@link #copy}. */
    static HttpResponse.BodyHandler<InputStream> bodyHandler() {
        return info -> {
            long length = info.headers().firstValueAsLong("content-length").orElse(-1);
            if (length >= 0 && length <= WHOLE_BODY_LIMIT) {
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                        ByteArrayInputStream::new);
            }
            return HttpResponse.BodySubscribers.ofInputStream();
        };
    }

    static void copy(HttpResponse<InputStream> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.statusCode());
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            if (UpstreamRequests.HOP_BY_HOP.contains(lower) || lower.startsWith(":") || lower.equals(UPSTREAM_SPAN)) {
                continue;
            }
            boolean first = true;
            for (String value : header.getValue()) {
                if (first || OWN_HEADERS.contains(lower)) {
                    response.setHeader(header.getKey(), value);
                } else {
                    response.addHeader(header.getKey(), value);
                }
                first = false;
            }
        }
        answer.headers().firstValueAsLong("content-length").ifPresent(response::setContentLengthLong);
        try (InputStream in = answer.body()) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }
}
