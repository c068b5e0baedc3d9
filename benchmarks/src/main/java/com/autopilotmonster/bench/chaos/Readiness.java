package com.autopilotmonster.bench.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls every server's {@code /health/ready} about every 250 ms (one thread each, so a frozen server cannot
 * delay the others' probes) and keeps each server's UP/DOWN transitions with their instants.
 */
final class Readiness {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** A server that answered no probe for this long is reported to {@code onSilent} (once per silence). */
    static final Duration SILENCE = Duration.ofSeconds(6);

    /**
     * A change of one server's readiness; for DOWN, why: the checks the server itself reported DOWN (503), or that it
     * gave no answer within the probe's 2 s (a saturated machine looks the same as a failing check otherwise).
     */
    record Transition(String server, Instant at, boolean up, String why) {
    }

    private final Map<String, String> urls;
    /** HTTP/1.1 as probes and the gateway use it (see {@link CheckoutLoad}'s client). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PROBE_TIMEOUT).build();
    private final List<Transition> transitions = new ArrayList<>();
    private final Map<String, Boolean> current = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.function.Consumer<String> onSilent;
    private volatile boolean running = true;

    Readiness(Map<String, String> urls, java.util.function.Consumer<String> onSilent) {
        this.urls = urls;
        this.onSilent = onSilent;
    }

    void start() {
        urls.forEach((server, url) -> {
            Thread thread = new Thread(() -> poll(server, url), "readiness-" + server);
            thread.setDaemon(true);
            thread.start();
        });
    }

    void stop() {
        running = false;
    }

    boolean isUp(String server) {
        return current.getOrDefault(server, false);
    }

    boolean allUp() {
        return urls.keySet().stream().allMatch(this::isUp);
    }

    /**
     * Every spell of DOWN that overlaps [from, to), of every server, in order of start: a spell already under way
     * at {@code from} keeps its real start; one not UP again before {@code to} has no end.
     */
    List<DownSpell> spells(Instant from, Instant to) {
        List<DownSpell> spells = new ArrayList<>();
        for (String server : urls.keySet()) {
            Transition open = null;
            for (Transition t : transitions(server)) {
                if (!t.at().isBefore(to)) {
                    break;
                }
                if (!t.up() && open == null) {
                    open = t;
                } else if (t.up() && open != null) {
                    if (t.at().isAfter(from)) {
                        spells.add(new DownSpell(server, open.at(), t.at(), open.why()));
                    }
                    open = null;
                }
            }
            if (open != null) {
                spells.add(new DownSpell(server, open.at(), null, open.why()));
            }
        }
        spells.sort(java.util.Comparator.comparing(DownSpell::down));
        return spells;
    }

    /** e.g. "DOWN +0.3 s, UP +41.2 s": the server's changes in [from, to), in seconds after {@code from}. */
    String timeline(String server, Instant from, Instant to) {
        StringBuilder text = new StringBuilder();
        for (Transition t : transitions(server)) {
            if (!t.at().isBefore(from) && t.at().isBefore(to)) {
                text.append(text.isEmpty() ? "" : ", ").append(t.up() ? "UP" : "DOWN")
                        .append(String.format(" +%.1f s", Duration.between(from, t.at()).toMillis() / 1000.0))
                        .append(t.why() == null ? "" : " (" + t.why() + ")");
            }
        }
        return text.toString();
    }

    /** ": mongodb, kafka" - the checks a readiness answer lists as DOWN, or nothing when it is not MP Health JSON. */
    static String downChecks(String body) {
        try {
            List<String> down = new ArrayList<>();
            for (org.bson.Document check : org.bson.Document.parse(body).getList("checks", org.bson.Document.class,
                    List.of())) {
                if ("DOWN".equals(check.getString("status"))) {
                    down.add(check.getString("name"));
                }
            }
            return down.isEmpty() ? "" : ": " + String.join(", ", down);
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** A change the probes saw (package-private for the spells' test). */
    void record(Transition transition) {
        synchronized (transitions) {
            transitions.add(transition);
        }
    }

    private List<Transition> transitions(String server) {
        synchronized (transitions) {
            return transitions.stream().filter(t -> t.server().equals(server)).toList();
        }
    }

    private void poll(String server, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(PROBE_TIMEOUT).GET().build();
        Instant silentSince = null;
        boolean reported = false;
        while (running) {
            boolean up;
            String why;
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                up = answer.statusCode() == 200;
                why = up ? null : answer.statusCode() + downChecks(answer.body());
                silentSince = null;
                reported = false;
            } catch (java.net.http.HttpTimeoutException e) {
                up = false;
                why = "no answer within " + PROBE_TIMEOUT.toSeconds() + " s";
                // the port is there but nothing answers: worth a look inside the JVM while it lasts
                silentSince = silentSince == null ? Instant.now().minus(PROBE_TIMEOUT) : silentSince;
                if (!reported && Duration.between(silentSince, Instant.now()).compareTo(SILENCE) >= 0) {
                    reported = true;
                    onSilent.accept(server);
                }
            } catch (java.io.IOException e) {
                up = false;
                why = "no connection";
                silentSince = null;
                reported = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Boolean before = current.put(server, up);
            if (before == null || before != up) {
                record(new Transition(server, Instant.now(), up, why));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
