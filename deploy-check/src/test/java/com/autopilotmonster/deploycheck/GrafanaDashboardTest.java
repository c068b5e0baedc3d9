package com.autopilotmonster.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard {@code deploy/grafana/autopilot-monster.json}, offline: it is a dashboard with a Prometheus
 * datasource variable that every panel and query uses, and every metric its PromQL queries name is one the platform
 * exposes - listed in {@code deploy/grafana/exposed-metrics.txt}, whose entries the servers' integration tests
 * (OrderMetricsIT, GatewayMetricsIT, common-ejb PlatformIT) find on the real /metrics. A
 * misspelt metric in a query fails here; a listed metric no panel shows fails too.
 */
class GrafanaDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** PromQL words that are not metric names (aggregation modifiers, set and comparison operators). */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    static Path dashboard() {
        return Repository.root().resolve("deploy/grafana/autopilot-monster.json");
    }

    static Set<String> exposed() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(Repository.root().resolve("deploy/grafana/exposed-metrics.txt"))) {
            String entry = line.replaceAll("#.*", "").strip();
            if (!entry.isEmpty()) {
                names.add(entry.split("\\s+")[0]);
            }
        }
        return names;
    }

    /**
     * The metric names a PromQL expression reads: identifiers left once strings, label matchers, ranges and
     * {@code by/without/on/ignoring (...)} label lists are gone, that are not functions (followed by a parenthesis)
     * or keywords.
     */
    static Set<String> metricNames(String promql) {
        String stripped = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(stripped);
        while (m.find()) {
            String word = m.group();
            String after = stripped.substring(m.end()).stripLeading();
            boolean function = after.startsWith("(");
            boolean number = m.start() > 0 && Character.isDigit(stripped.charAt(m.start() - 1));
            if (!function && !number && !KEYWORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    /** Every query's expression, with the panel title it belongs to. */
    static List<String[]> queries(JsonNode dashboard) {
        List<String[]> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new String[] {panel.path("title").asText(), target.path("expr").asText()});
            }
        }
        return queries;
    }

    /** The names of {@code dashboard}'s queries that the platform does not expose, as "panel: name". */
    static List<String> unknownMetrics(JsonNode dashboard, Set<String> exposed) {
        List<String> unknown = new ArrayList<>();
        for (String[] query : queries(dashboard)) {
            for (String name : metricNames(query[1])) {
                if (!exposed.contains(name)) {
                    unknown.add(query[0] + ": " + name);
                }
            }
        }
        return unknown;
    }

    @Test
    void everyQueriedMetricIsOneThePlatformExposes() throws IOException {
        JsonNode dashboard = JSON.readTree(dashboard().toFile());
        assertFalse(queries(dashboard).isEmpty());
        assertEquals(List.of(), unknownMetrics(dashboard, exposed()));
    }

    @Test
    void everyExposedMetricHasAPanel() throws IOException {
        Set<String> queried = new TreeSet<>();
        queries(JSON.readTree(dashboard().toFile())).forEach(q -> queried.addAll(metricNames(q[1])));
        Set<String> unshown = new TreeSet<>(exposed());
        unshown.removeAll(queried);
        assertEquals(Set.of(), unshown, "listed in exposed-metrics.txt but on no panel");
    }

    @Test
    void aMisspeltMetricIsRefused() throws IOException {
        String text = Files.readString(dashboard()).replace("orders_paid_total", "orders_payed_total");
        List<String> unknown = unknownMetrics(JSON.readTree(text), exposed());
        assertTrue(unknown.contains("Payments / min: orders_payed_total"), unknown.toString());
        assertThrows(AssertionError.class, () -> assertEquals(List.of(), unknown));
    }

    @Test
    void queriesAreParsedIntoTheirMetricNamesOnly() {
        assertEquals(Set.of("checkout_duration_seconds_bucket"), metricNames("histogram_quantile(0.95, sum by (le) "
                + "(rate(checkout_duration_seconds_bucket{outcome=\"created\",x=~\"a|b\"}[$__rate_interval])))"));
        assertEquals(Set.of("a_total", "b_total"), metricNames("sum by (currency) (rate(a_total[5m])) / ignoring (x) "
                + "clamp_min(sum without (provider) (rate(b_total[5m])), 1e-9) * 60"));
    }

    @Test
    void everyPanelReadsThePrometheusDatasourceVariable() throws IOException {
        JsonNode dashboard = JSON.readTree(dashboard().toFile());
        JsonNode variable = null;
        for (JsonNode v : dashboard.path("templating").path("list")) {
            if ("datasource".equals(v.path("type").asText()) && "prometheus".equals(v.path("query").asText())) {
                variable = v;
            }
        }
        assertTrue(variable != null, "a datasource variable of type prometheus");
        String reference = "${" + variable.path("name").asText() + "}";
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique: " + panel.path("id"));
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            assertEquals(reference, panel.path("datasource").path("uid").asText(), panel.path("title").asText());
            assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
            for (JsonNode target : panel.path("targets")) {
                assertEquals(reference, target.path("datasource").path("uid").asText(), panel.path("title").asText());
            }
        }
        assertTrue(dashboard.path("uid").asText().matches("[a-z0-9-]{1,40}"));
    }
}
