package com.autopilotmonster.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables the platform reads, derived from its configuration names the way MicroProfile Config
 * and Liberty map them ({@code auth.jwt.private-key.location} -> {@code AUTH_JWT_PRIVATE_KEY_LOCATION}): the
 * {@code <variable>}s of server-config, the keys of each WAR's microprofile-config.properties, and every dotted
 * configuration-like name in the Java sources ({@code @ConfigProperty}, {@code getOptionalValue}, constants).
 * Plus the gateway's per-route {@code gateway.route.<name>.upstreams}.
 */
final class SettingsInCode {

    private static final Pattern XML_VARIABLE = Pattern.compile("<variable\\s+name=\"([^\"]+)\"");
    private static final Pattern PROPERTY_KEY = Pattern.compile("(?m)^([A-Za-z][^=#\\s]*)\\s*=");
    private static final Pattern JAVA_NAME = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
    private static final Pattern ROUTE = Pattern.compile("\\{\"([a-z]+)\", \"/api/");

    /** Read by the JVM itself, not by the platform. */
    private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");

    private SettingsInCode() {
    }

    static Set<String> environmentNames() {
        Set<String> names = new TreeSet<>(JVM);
        Path root = Repository.root();
        for (Path xml : files(root.resolve("server-config"), ".xml")) {
            collect(XML_VARIABLE, xml, names);
        }
        for (Path module : modules(root)) {
            for (Path props : files(module.resolve("src/main/resources"), ".properties")) {
                collect(PROPERTY_KEY, props, names);
            }
            for (Path java : files(module.resolve("src/main/java"), ".java")) {
                collect(JAVA_NAME, java, names);
                Set<String> routes = new TreeSet<>();
                collectRaw(ROUTE, java, routes);
                routes.forEach(r -> names.add(env("gateway.route." + r + ".upstreams")));
            }
        }
        return names;
    }

    /** MicroProfile Config's and Liberty's mapping of a property name to an environment variable. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static void collect(Pattern pattern, Path file, Set<String> into) {
        Set<String> raw = new TreeSet<>();
        collectRaw(pattern, file, raw);
        raw.forEach(name -> into.add(env(name)));
    }

    private static void collectRaw(Pattern pattern, Path file, Set<String> into) {
        Repository.firstGroups(pattern, file, into);
    }

    private static List<Path> modules(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("src/main"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
