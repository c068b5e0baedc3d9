package com.autopilotmonster.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the infrastructure listens and keeps its state; each value from a system property or env var. */
final class InfraSettings {

    private InfraSettings() {
    }

    static String host() {
        return value("infra.host", "INFRA_HOST", "127.0.0.1");
    }

    static int port(String property, String env, int fallback) {
        return Integer.parseInt(value(property, env, Integer.toString(fallback)));
    }

    static String value(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    /** {@code infra.dir}, {@code INFRA_DIR}, else {@code .infra} beside the nearest {@code .mvn} folder. */
    static Path stateDir() {
        String configured = value("infra.dir", "INFRA_DIR", null);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                return dir.resolve(".infra");
            }
        }
        return Path.of(".infra").toAbsolutePath();
    }
}
