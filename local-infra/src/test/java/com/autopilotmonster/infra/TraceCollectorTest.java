package com.autopilotmonster.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local collector as an OpenTelemetry exporter and a person see it: OTLP/HTTP protobuf in, JSON out. */
class TraceCollectorTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final long FILE_LIMIT = 2_000;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = TraceCollectorDaemon.serve("127.0.0.1", 0, new SpanStore(dir.resolve("spans.jsonl"), 10, FILE_LIMIT));
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void keepsExportedSpansAndShowsThemByTrace() throws Exception {
        assertEquals(200, export(request("gateway", span("b7ad6b7169203331", "", "GET /api", Span.SpanKind.SPAN_KIND_SERVER)), false));
        assertEquals(200, export(request("platform", span("00f067aa0ba902b7", "b7ad6b7169203331", "order.created process",
                Span.SpanKind.SPAN_KIND_CONSUMER)), true));

        JsonNode trace = get("/api/traces/" + TRACE, 200);
        assertEquals(2, trace.get("spans").size());
        JsonNode root = trace.get("spans").get(0);
        assertEquals("b7ad6b7169203331", root.get("spanId").asText());
        assertTrue(root.get("parentSpanId").isNull());
        assertEquals("SERVER", root.get("kind").asText());
        assertEquals("gateway", root.get("service").asText());
        JsonNode child = trace.get("spans").get(1);
        assertEquals("b7ad6b7169203331", child.get("parentSpanId").asText());
        assertEquals("cart", child.get("attributes").get("autopilot.service").asText());
        assertEquals("42", child.get("attributes").get("retries").asText());

        JsonNode recent = get("/api/traces", 200);
        assertEquals(TRACE, recent.get(0).get("traceId").asText());
        assertEquals("GET /api", recent.get(0).get("root").asText());
        assertEquals(2, Files.readAllLines(dir.resolve("spans.jsonl")).size());
    }

    @Test
    void theSpanFileIsBoundedAndRotated() throws Exception {
        for (int i = 0; i < 20; i++) {
            String id = String.format("%016x", 0x1000 + i);
            assertEquals(200, export(request("gateway", span(id, "", "GET /api/" + i, Span.SpanKind.SPAN_KIND_SERVER)), false));
        }
        Path current = dir.resolve("spans.jsonl");
        Path previous = dir.resolve("spans.jsonl.1");
        assertTrue(Files.exists(previous), "the full file was moved aside");
        long line = Files.readAllLines(current).get(0).length() + 1;
        assertTrue(Files.size(current) < FILE_LIMIT + line, "current file " + Files.size(current) + " bytes");
        assertTrue(Files.size(previous) < FILE_LIMIT + line, "previous file " + Files.size(previous) + " bytes");
        assertTrue(Files.readAllLines(current).get(Files.readAllLines(current).size() - 1).contains("GET /api/19"),
                "the newest span is in the current file");
        // memory keeps the recent traces whatever the file holds
        assertEquals(20, get("/api/traces/" + TRACE, 200).get("spans").size());
    }

    @Test
    void refusesWhatIsNotAnOtlpProtobufExport() throws Exception {
        HttpResponse<String> jsonBody = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/traces"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, jsonBody.statusCode());
        HttpResponse<String> garbage = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, 1, 2})).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, garbage.statusCode());
        get("/api/traces/not-a-trace-id", 400);
        get("/api/traces/" + "1".repeat(32), 404);
    }

    private static Span span(String id, String parent, String name, Span.SpanKind kind) {
        HexFormat hex = HexFormat.of();
        return Span.newBuilder().setTraceId(ByteString.copyFrom(hex.parseHex(TRACE)))
                .setSpanId(ByteString.copyFrom(hex.parseHex(id)))
                .setParentSpanId(parent.isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(hex.parseHex(parent)))
                .setName(name).setKind(kind).setStartTimeUnixNano(parent.isEmpty() ? 1_000 : 2_000)
                .setEndTimeUnixNano(3_000)
                .addAttributes(KeyValue.newBuilder().setKey("autopilot.service")
                        .setValue(AnyValue.newBuilder().setStringValue("cart")))
                .addAttributes(KeyValue.newBuilder().setKey("retries").setValue(AnyValue.newBuilder().setIntValue(42)))
                .build();
    }

    private static ExportTraceServiceRequest request(String service, Span span) {
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                        .setValue(AnyValue.newBuilder().setStringValue(service))))
                .addScopeSpans(ScopeSpans.newBuilder().addSpans(span))).build();
    }

    private int export(ExportTraceServiceRequest request, boolean gzip) throws Exception {
        byte[] body = request.toByteArray();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf");
        if (gzip) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                out.write(body);
            }
            body = zipped.toByteArray();
            builder.header("Content-Encoding", "gzip");
        }
        return http.send(builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), response.body());
        return status == 200 ? json.readTree(response.body()) : null;
    }
}
