package com.autopilotmonster.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each server loads the optional feature fragments its WAR uses, and only those: Reactive Messaging where the WAR
 * consumes Kafka events ({@code @Incoming}), Rest Client where it calls another service
 * ({@code @RegisterRestClient}). A server missing one fails at run time (channels or clients never start); one
 * loading a fragment its WAR does not use pays for it in start time and memory.
 */
class ServerFeaturesTest {

    private static final Pattern CONSUMES = Pattern.compile("@Incoming\\(");
    private static final Pattern CALLS = Pattern.compile("@RegisterRestClient\\b");

    static Stream<Arguments> servers() {
        return Map.of("gateway", "liberty-gateway", "auth", "auth-war", "marketplace", "marketplace-war",
                        "cart", "cart-war", "order", "order-war", "user", "user-war", "vendor", "vendor-war",
                        "admin", "admin-war", "content", "content-war")
                .entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aServerIncludesTheFragmentsItsWarUsesAndNoOthers(String server, String module) throws IOException {
        Path root = Path.of(System.getProperty("root.dir", Path.of("").toAbsolutePath().getParent().toString()));
        String serverXml = Files.readString(root.resolve("server-config/servers").resolve(server).resolve("server.xml"));
        Path sources = root.resolve(module).resolve("src/main/java");

        assertEquals(uses(sources, CONSUMES), serverXml.contains("/messaging.xml\""),
                server + ": includes messaging.xml exactly when " + module + " has an @Incoming channel");
        assertEquals(uses(sources, CALLS), serverXml.contains("/rest-client.xml\""),
                server + ": includes rest-client.xml exactly when " + module + " has a REST client");
    }

    private static boolean uses(Path sources, Pattern annotation) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> matches(f, annotation));
        }
    }

    private static boolean matches(Path file, Pattern annotation) {
        try {
            return annotation.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
