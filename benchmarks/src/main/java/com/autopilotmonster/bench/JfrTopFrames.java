package com.autopilotmonster.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a JFR recording's CPU samples (jdk.ExecutionSample), as a flame graph's widest boxes
 * read: where the samples are (self) and which methods they pass through (total), each as a share of all
 * samples. JDK 17's {@code jfr} tool prints the events but no such view, hence this small reader.
 * {@code mvn -q -pl benchmarks exec:java -Dexec.args="jfr <file.jfr> [rows]"}.
 */
final class JfrTopFrames {

    private JfrTopFrames() {
    }

    static void run(Path recording, int rows) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> byComponent = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            byComponent.merge(owner(frames), 1, Integer::sum);
            Set<String> seen = new HashSet<>(); // a recursive method counts once per sample
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) {
                    total.merge(name, 1, Integer::sum);
                }
            }
        }
        System.out.println(recording + ": " + samples + " CPU samples");
        print("self (where the CPU time is spent)", self, samples, rows);
        print("self by component (the sampled frame's library; JDK frames counted for the library that called them)",
                byComponent, samples, rows);
        print("total, our code (methods of com.autopilotmonster on the stack)", ours(total), samples, rows);
    }

    /** Package prefixes of the libraries a request passes through, most specific first. */
    private static final String[][] COMPONENTS = {
        {"com.autopilotmonster.", "our code"},
        {"org.jboss.resteasy.", "RESTEasy (JAX-RS)"},
        {"org.jboss.weld.", "Weld (CDI)"},
        {"org.eclipse.yasson.", "Yasson (JSON-B)"},
        {"org.glassfish.json.", "Parsson (JSON-P)"},
        {"org.eclipse.parsson.", "Parsson (JSON-P)"},
        {"org.jose4j.", "jose4j (JWT)"},
        {"io.smallrye.jwt.", "SmallRye JWT"},
        {"io.smallrye.", "SmallRye (MicroProfile)"},
        {"io.openliberty.microprofile.", "Liberty MicroProfile"},
        {"io.micrometer.", "metrics per request (Micrometer)"},
        {"org.HdrHistogram.", "metrics per request (HdrHistogram)"},
        {"io.openliberty.restfulws.", "Liberty REST (incl. request metrics)"},
        {"org.hibernate.validator.", "Hibernate Validator (Bean Validation)"},
        {"io.opentelemetry.", "OpenTelemetry"},
        {"org.apache.kafka.", "Kafka client"},
        {"org.osgi.", "Liberty (other)"},
        {"org.eclipse.osgi.", "Liberty (other)"},
        {"org.apache.felix.", "Liberty (other)"},
        {"redis.clients.", "Jedis (Redis)"},
        {"com.mongodb.", "MongoDB driver"},
        {"org.bson.", "MongoDB driver"},
        {"org.eclipse.jnosql.", "JNoSQL"},
        {"com.ibm.ws.logging.", "Liberty logging/access log"},
        {"com.ibm.ws.security.", "Liberty security"},
        {"com.ibm.ws.webcontainer.security.", "Liberty security"},
        {"com.ibm.ws.webcontainer.", "Liberty web container"},
        {"com.ibm.wsspi.webcontainer.", "Liberty web container"},
        {"com.ibm.ws.http.", "Liberty HTTP channel"},
        {"com.ibm.ws.tcpchannel.", "Liberty TCP channel"},
        {"com.ibm.ws.", "Liberty (other)"},
        {"com.ibm.", "Liberty (other)"},
        {"java.util.logging.", "JDK logging"},
        {"sun.nio.", "JDK I/O"},
        {"java.nio.", "JDK I/O"},
        {"sun.security.", "JDK crypto"},
        {"java.net.http.", "JDK HttpClient"},
        {"jdk.internal.net.http.", "JDK HttpClient"},
        {"java.", "JDK (other)"},
        {"jdk.", "JDK (other)"},
        {"sun.", "JDK (other)"},
    };

    /**
     * The library a sample's time belongs to: a HashMap lookup or a StringBuilder is spent on behalf of whoever
     * called it, so JDK frames are skipped up to the first caller outside the JDK (JDK I/O and HttpClient stay
     * themselves: they are the work, not a helper).
     */
    private static String owner(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String component = component(name(frame));
            if (!component.equals("JDK (other)")) {
                return component;
            }
        }
        return "JDK (other)";
    }

    private static String component(String name) {
        for (String[] entry : COMPONENTS) {
            if (name.startsWith(entry[0])) {
                return entry[1];
            }
        }
        return "other";
    }

    /** The total view is dominated by thread-pool and servlet plumbing; our own frames tell which of ours cost. */
    private static Map<String, Integer> ours(Map<String, Integer> total) {
        Map<String, Integer> kept = new HashMap<>();
        total.forEach((name, count) -> {
            if (name.startsWith("com.autopilotmonster.")) {
                kept.put(name, count);
            }
        });
        return kept;
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
        System.out.println("  " + title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(e -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
