package com.autopilotmonster.gateway.api;

import com.autopilotmonster.common.web.ClientAddresses;
import com.autopilotmonster.common.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

/**
 * The upstream request for a client's request, taken on the servlet thread: method, headers and body as the client
 * sent them, without hop-by-hop headers, with X-Forwarded-*, X-Request-Id and X-Client-Address (the client address
 * the gateway resolved, never passed on from outside) set. The caller's trace headers are left out: each attempt
 * sets its own client span's. The target URI is each attempt's own (another instance on a retry).
 */
final class UpstreamRequests {

    /** Hop-by-hop headers, and those the HTTP client sets itself. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");
    /** A caller's trace headers are replaced by the gateway's own span (the server span already continued them). */
    static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate");
    private static final String CLIENT_ADDRESS = ClientAddresses.HEADER.toLowerCase(Locale.ROOT);

    private UpstreamRequests() {
    }

    /** @param clientAddress the client's address as the gateway resolved it (trusted proxies) */
    static HttpRequest.Builder of(HttpServletRequest request, boolean hasBody, String clientAddress, long timeoutMs)
            throws IOException {
        HttpRequest.BodyPublisher body;
        if (!hasBody) {
            body = HttpRequest.BodyPublishers.noBody();
        } else {
            // read by the HTTP client as it sends: a webhook's bytes arrive as the provider signed them
            InputStream in = request.getInputStream();
            long length = request.getContentLengthLong();
            HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> in);
            body = length > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(Duration.ofMillis(timeoutMs))
                .method(request.getMethod(), body);
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || lower.startsWith("x-forwarded-") || lower.equals("x-request-id")
                    || lower.equals(CLIENT_ADDRESS) || TRACE_HEADERS.contains(lower)) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                builder.header(name, value);
            }
        }
        String priorFor = request.getHeader("X-Forwarded-For");
        builder.header("X-Forwarded-For", priorFor == null ? request.getRemoteAddr()
                : priorFor + ", " + request.getRemoteAddr());
        // the services throttle by this (auth's login throttle): resolved at the edge, never the client's word
        builder.header(ClientAddresses.HEADER, clientAddress);
        builder.header("X-Forwarded-Proto", request.getScheme());
        if (request.getHeader("Host") != null) {
            builder.header("X-Forwarded-Host", request.getHeader("Host"));
        }
        if (RequestContext.requestId() != null) {
            builder.header("X-Request-Id", RequestContext.requestId());
        }
        return builder;
    }
}
