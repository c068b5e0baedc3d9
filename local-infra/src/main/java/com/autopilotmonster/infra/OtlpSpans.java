package com.autopilotmonster.infra;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns an OTLP export request (protobuf) into flat span records: ids in hex, attributes as strings. */
final class OtlpSpans {

    private static final HexFormat HEX = HexFormat.of();

    private OtlpSpans() {
    }

    /** One span as the collector keeps and serves it (JSON via Jackson). */
    record SpanRecord(String traceId, String spanId, String parentSpanId, String name, String kind, String service,
                      long startEpochNanos, long endEpochNanos, String status, Map<String, String> attributes,
                      List<String> links) {
    }

    static List<SpanRecord> decode(ExportTraceServiceRequest request) {
        List<SpanRecord> spans = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = attributes(resourceSpans.getResource()).getOrDefault("service.name", "unknown");
            for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    List<String> links = new ArrayList<>();
                    span.getLinksList().forEach(l -> links.add(hex(l.getTraceId()) + "/" + hex(l.getSpanId())));
                    spans.add(new SpanRecord(hex(span.getTraceId()), hex(span.getSpanId()),
                            span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId()), span.getName(),
                            kind(span.getKind()), service, span.getStartTimeUnixNano(), span.getEndTimeUnixNano(),
                            span.getStatus().getCode().name().replace("STATUS_CODE_", ""),
                            attributes(span.getAttributesList()), links));
                }
            }
        }
        return spans;
    }

    private static String kind(Span.SpanKind kind) {
        return kind == Span.SpanKind.UNRECOGNIZED ? "UNSPECIFIED" : kind.name().replace("SPAN_KIND_", "");
    }

    private static Map<String, String> attributes(Resource resource) {
        return attributes(resource.getAttributesList());
    }

    private static Map<String, String> attributes(List<KeyValue> values) {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach(kv -> map.put(kv.getKey(), text(kv.getValue())));
        return map;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpSpans::text).toList().toString();
            case BYTES_VALUE -> hex(value.getBytesValue());
            default -> value.toString().trim();
        };
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }
}
