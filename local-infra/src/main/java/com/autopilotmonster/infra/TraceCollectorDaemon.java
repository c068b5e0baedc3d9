package com.autopilotmonster.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A small trace collector for the local run: an OTLP/HTTP receiver ({@code POST /v1/traces}, protobuf, as the
 * servers' OpenTelemetry exporters send) that keeps the spans and shows them as JSON:
 * {@code GET /api/traces} (recent traces, newest first; {@code ?limit=N}) and {@code GET /api/traces/{traceId}}
 * (the trace's spans by start time). Spans also go to {@code traces/spans.jsonl} in the state directory.
 */
public final class TraceCollectorDaemon {

    private static final int MAX_TRACES = 5000;
    /** spans.jsonl beyond this moves to spans.jsonl.1 (so at most twice this on disk) */
    private static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private TraceCollectorDaemon() {
    }

    public static void main(String[] args) throws Exception {
        long owner = Long.parseLong(OwnerWatchdog.required(args, "owner-pid"));
        String host = OwnerWatchdog.required(args, "host");
        int port = Integer.parseInt(OwnerWatchdog.required(args, "port"));
        HttpServer server = serve(host, port, new SpanStore(Path.of(OwnerWatchdog.required(args, "file")), MAX_TRACES,
                MAX_FILE_BYTES));
        System.out.println("trace collector (OTLP/HTTP) on " + host + ":" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        OwnerWatchdog.watch(owner, () -> { });
        Thread.currentThread().join();
    }

    /** Starts the receiver and the query API on this address (port 0: any free port). */
    static HttpServer serve(String host, int port, SpanStore store) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.createContext("/v1/traces", exchange -> receive(exchange, store));
        server.createContext("/api/traces", exchange -> show(exchange, store));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    private static void receive(HttpExchange exchange, SpanStore store) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "POST only".getBytes());
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/x-protobuf")) {
                // OTLP/HTTP JSON is not spoken here; the servers export protobuf (otel.exporter.otlp.protocol)
                send(exchange, 415, "text/plain", "application/x-protobuf only".getBytes());
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = body(exchange)) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException unreadable) {
                send(exchange, 400, "text/plain", ("not an OTLP trace export: " + unreadable.getMessage()).getBytes());
                return;
            }
            store.add(OtlpSpans.decode(request));
            send(exchange, 200, "application/x-protobuf", ExportTraceServiceResponse.getDefaultInstance().toByteArray());
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = exchange.getRequestBody();
        return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(in) : in;
    }

    private static void show(HttpExchange exchange, SpanStore store) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only".getBytes());
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String rest = path.length() > "/api/traces".length() ? path.substring("/api/traces/".length()) : "";
            Object answer;
            if (rest.isEmpty()) {
                answer = store.recent(limit(exchange.getRequestURI().getQuery()));
            } else if (!rest.matches("[0-9a-f]{32}")) {
                send(exchange, 400, "text/plain", "a trace id is 32 lower-case hex digits".getBytes());
                return;
            } else {
                var spans = store.trace(rest);
                if (spans == null) {
                    send(exchange, 404, "application/json", "{\"error\":\"unknown trace\"}".getBytes());
                    return;
                }
                answer = Map.of("traceId", rest, "spans", spans);
            }
            send(exchange, 200, "application/json", store.json().writeValueAsBytes(answer));
        }
    }

    private static int limit(String query) {
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith("limit=") && part.substring(6).matches("\\d{1,4}")) {
                    return Math.max(1, Integer.parseInt(part.substring(6)));
                }
            }
        }
        return 50;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
