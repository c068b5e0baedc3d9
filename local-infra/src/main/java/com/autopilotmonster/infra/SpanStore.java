package com.autopilotmonster.infra;

import com.autopilotmonster.infra.OtlpSpans.SpanRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collector's spans: the most recent traces in memory (oldest trace dropped beyond the limit), every span also
 * appended as one JSON line to a file so a run can be looked at after the collector is gone. The file is bounded:
 * beyond {@code maxFileBytes} it becomes {@code <file>.1} (replacing the previous one) and a new file starts - the
 * benchmarks trace every request, and one morning of them wrote 2.1 GB (2026-11-29).
 */
final class SpanStore {

    private final ObjectMapper json = new ObjectMapper();
    private final int maxTraces;
    private final Path jsonl;
    private final long maxFileBytes;
    private BufferedWriter file;
    private long fileBytes;
    /** trace id -> its spans; insertion order = first seen, so the eldest trace is dropped first */
    private final LinkedHashMap<String, List<SpanRecord>> traces = new LinkedHashMap<>();

    SpanStore(Path jsonl, int maxTraces, long maxFileBytes) throws IOException {
        this.maxTraces = maxTraces;
        this.jsonl = jsonl;
        this.maxFileBytes = maxFileBytes;
        Files.createDirectories(jsonl.getParent());
        open();
    }

    private void open() throws IOException {
        file = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        fileBytes = Files.size(jsonl);
    }

    private void rotateIfFull() throws IOException {
        if (fileBytes < maxFileBytes) {
            return;
        }
        file.close();
        Files.move(jsonl, jsonl.resolveSibling(jsonl.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    synchronized void add(List<SpanRecord> spans) {
        try {
            rotateIfFull();
            for (SpanRecord span : spans) {
                traces.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
                String line = json.writeValueAsString(span);
                file.write(line);
                file.newLine();
                fileBytes += line.length() + 1;
            }
            file.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (traces.size() > maxTraces) {
            traces.remove(traces.keySet().iterator().next());
        }
    }

    /** The trace's spans ordered by start time, or null when unknown. */
    synchronized List<SpanRecord> trace(String traceId) {
        List<SpanRecord> spans = traces.get(traceId);
        if (spans == null) {
            return null;
        }
        List<SpanRecord> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(SpanRecord::startEpochNanos));
        return sorted;
    }

    /** Summaries of the most recent traces, newest first. */
    synchronized List<Map<String, Object>> recent(int limit) {
        List<Map<String, Object>> list = new ArrayList<>();
        List<String> ids = new ArrayList<>(traces.keySet());
        for (int i = ids.size() - 1; i >= 0 && list.size() < limit; i--) {
            List<SpanRecord> spans = traces.get(ids.get(i));
            SpanRecord first = spans.stream().min(Comparator.comparingLong(SpanRecord::startEpochNanos)).orElseThrow();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("traceId", ids.get(i));
            summary.put("root", spans.stream().filter(s -> s.parentSpanId() == null).map(SpanRecord::name)
                    .findFirst().orElse(first.name()));
            summary.put("startEpochNanos", first.startEpochNanos());
            summary.put("spans", spans.size());
            summary.put("services", spans.stream().map(s -> s.attributes().getOrDefault("autopilot.service",
                    s.service())).distinct().sorted().toList());
            list.add(summary);
        }
        return list;
    }

    ObjectMapper json() {
        return json;
    }
}
