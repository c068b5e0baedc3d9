package com.autopilotmonster.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Kafka topics the services use, read from their sources: consumed topics from each WAR's
 * {@code mp.messaging.incoming.<channel>.topic} setting, published topics from the names handed to the outbox
 * ({@code TOPIC = "..."} and the other event-name constants, {@code publish("...")}, the vendor state moves).
 */
final class TopicsInCode {

    private static final Pattern INCOMING = Pattern.compile("(?m)^mp\\.messaging\\.incoming\\.[^.=]+\\.topic=(\\S+)");
    private static final Pattern PUBLISHED = Pattern.compile(
            "(?:static final String (?:TOPIC|CREATED|UPDATED|DELETED|PROFILE_UPDATED|USER_DELETED)\\s*=\\s*"
                    + "|publish\\(\\s*|new Move\\([^)]*?,\\s*)\"([a-z]+(?:\\.[a-z-]+)+)\"");

    private TopicsInCode() {
    }

    static Set<String> consumed() {
        Set<String> topics = new TreeSet<>();
        for (Path file : sources("microprofile-config.properties")) {
            collect(INCOMING, file, topics);
        }
        return topics;
    }

    static Set<String> published() {
        Set<String> topics = new TreeSet<>();
        for (Path file : sources(".java")) {
            collect(PUBLISHED, file, topics);
        }
        return topics;
    }

    static Set<String> all() {
        Set<String> topics = new TreeSet<>(consumed());
        topics.addAll(published());
        return topics;
    }

    private static void collect(Pattern pattern, Path file, Set<String> into) {
        Repository.firstGroups(pattern, file, into);
    }

    /** Files of the services and common-ejb under src/main (tests and test-support send to topics of their own). */
    private static Iterable<Path> sources(String suffix) {
        Path root = Repository.root();
        try (Stream<Path> modules = Files.list(root)) {
            return modules.filter(m -> m.getFileName().toString().matches("[a-z]+-war|common-ejb|liberty-gateway"))
                    .map(m -> m.resolve("src/main"))
                    .filter(Files::isDirectory)
                    .flatMap(TopicsInCode::walk)
                    .filter(p -> p.toString().endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> walk(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
