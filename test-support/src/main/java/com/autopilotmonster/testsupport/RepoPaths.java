package com.autopilotmonster.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root (the build passes {@code root.dir}; otherwise the folder holding .mvn). */
final class RepoPaths {

    private RepoPaths() {
    }

    static Path root() {
        String fromBuild = System.getProperty("root.dir");
        if (fromBuild != null && !fromBuild.isBlank()) {
            return Path.of(fromBuild);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no .mvn folder above the working dir)");
    }
}
