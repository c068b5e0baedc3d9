package com.autopilotmonster.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A server's {@code /metrics} as the Prometheus text format a scraper reads, parsed into samples; and the list of
 * metric names the platform promises ({@code deploy/grafana/exposed-metrics.txt}, which the dashboard's queries are
 * checked against), so each server's IT proves its part of that list is really exposed.
 */
public final class PrometheusMetrics {

    /** The promised metric list, relative to the repository root. */
    public static final String EXPOSED_LIST = "deploy/grafana/exposed-metrics.txt";

    /** One line of the exposition: series name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    private final List<Sample> samples;

    private PrometheusMetrics(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** GETs {@code url} (e.g. {@code http://localhost:4004/metrics}) as Prometheus does and parses the answer. */
    public static PrometheusMetrics scrape(String url) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/plain").timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError(url + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return parse(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parses the Prometheus text exposition format (comments skipped, label values unescaped). */
    public static PrometheusMetrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int i = 0;
            while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
                i++;
            }
            String name = line.substring(0, i);
            Map<String, String> labels = new LinkedHashMap<>();
            if (i < line.length() && line.charAt(i) == '{') {
                i++;
                while (line.charAt(i) != '}') {
                    int eq = line.indexOf('=', i);
                    String key = line.substring(i, eq).strip();
                    StringBuilder value = new StringBuilder();
                    int j = eq + 2; // past ="
                    for (; line.charAt(j) != '"'; j++) {
                        char c = line.charAt(j);
                        if (c == '\\') {
                            char next = line.charAt(++j);
                            value.append(next == 'n' ? '\n' : next);
                        } else {
                            value.append(c);
                        }
                    }
                    labels.put(key, value.toString());
                    i = j + 1;
                    if (line.charAt(i) == ',') {
                        i++;
                    }
                }
                i++;
            }
            String[] rest = line.substring(i).strip().split("\\s+");
            samples.add(new Sample(name, labels, parseValue(rest[0])));
        }
        return new PrometheusMetrics(samples);
    }

    private static double parseValue(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The series of {@code name} carrying all the {@code labels} given. */
    public List<Sample> find(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.has(labels)).toList();
    }

    /** Sum of the matching series' values, 0 when none exists yet (a counter appears at its first increment). */
    public double sum(String name, Map<String, String> labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * The names {@link #EXPOSED_LIST} says {@code server} exposes (lines {@code name server...}; {@code #}
     * comments).
     */
    public static List<String> promisedBy(String server) {
        try {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(exposedList())) {
                String[] parts = line.replaceAll("#.*", "").strip().split("\\s+");
                if (parts.length >= 2 && List.of(parts).subList(1, parts.length).contains(server)) {
                    names.add(parts[0]);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path exposedList() {
        return RepoPaths.root().resolve(EXPOSED_LIST);
    }
}
