package com.autopilotmonster.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Paths in the repository, found from this module's directory (Maven runs the tests there). */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/kubernetes"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/kubernetes not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path manifests() {
        return root().resolve("deploy/kubernetes");
    }

    /** Every resource file under deploy/kubernetes (kustomize's own files excluded). */
    static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.walk(manifests())) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !isKustomizeFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isKustomizeFile(Path file) {
        String name = file.getFileName().toString();
        return name.equals("kustomization.yaml") || name.equals("kustomizeconfig.yaml");
    }

    /** Adds the first group of every match of {@code pattern} in {@code file} to {@code into}. */
    static void firstGroups(Pattern pattern, Path file, Set<String> into) {
        try {
            Matcher m = pattern.matcher(Files.readString(file));
            while (m.find()) {
                into.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
