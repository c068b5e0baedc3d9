package com.autopilotmonster.deploycheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check can fail: copies of the real manifests with one deliberate mistake each are refused, naming the
 * mistake, while the unchanged copy passes (so the refusal comes from the edit, not from the copy).
 */
class BrokenManifestTest {

    @TempDir
    Path dir;

    private final ManifestValidator validator = new ManifestValidator(SchemaCatalog.get());

    @Test
    void unchangedCopiesPass() throws IOException {
        for (String file : List.of("services/auth.yaml", "data/mongodb.yaml", "data/kafka.yaml", "platform-config.yaml")) {
            assertEquals(List.of(), validator.problems(copy(file, s -> s)), file);
        }
    }

    @Test
    void typoInAnOpenLibertyApplicationFieldIsRefused() throws IOException {
        assertRefused("services/auth.yaml", s -> s.replace("    readiness:\n", "    readines:\n"), "readines");
    }

    @Test
    void wrongTypeInAnOpenLibertyApplicationIsRefused() throws IOException {
        assertRefused("services/gateway.yaml", s -> s.replace("    port: 4000\n", "    port: \"http\"\n"), "port");
    }

    @Test
    void typoInABuiltInKindIsRefused() throws IOException {
        assertRefused("data/mongodb.yaml", s -> s.replace("  serviceName: mongodb\n", "  servicename: mongodb\n"),
                "servicename");
    }

    @Test
    void wrongTypeInABuiltInKindIsRefused() throws IOException {
        assertRefused("data/mongodb.yaml", s -> s.replace("  replicas: 3\n", "  replicas: three\n"), "replicas");
    }

    @Test
    void typoDeepInAPodTemplateIsRefused() throws IOException {
        assertRefused("data/redis.yaml", s -> s.replace("          readinessProbe:\n", "          readynessProbe:\n"),
                "readynessProbe");
    }

    @Test
    void strimziResourcesAreCheckedToo() throws IOException {
        assertRefused("data/kafka-topics.yaml", s -> s.replaceFirst("  partitions: 3\n", "  partitions: 0\n"),
                "partitions");
        assertRefused("data/kafka.yaml", s -> s.replace("        type: internal\n", "        type: intrnal\n"), "type");
        assertRefused("data/kafka.yaml", s -> s.replace("    topicOperator: {}\n", "    topicOperater: {}\n"),
                "topicOperater");
    }

    @Test
    void typoInTheMetadataOfACustomResourceIsRefused() throws IOException {
        assertRefused("data/kafka-topics.yaml", s -> s.replaceFirst("  labels:\n", "  lables:\n"), "lables");
        assertRefused("services/order.yaml", s -> s.replace("  name: order\n", "  name: 42\n"), "name");
    }

    @Test
    void aKindWithoutSchemaIsRefused() throws IOException {
        assertRefused("services/cart.yaml",
                s -> s.replace("apiVersion: apps.openliberty.io/v1\n", "apiVersion: apps.openliberty.io/v1beta9\n"),
                "no schema");
        assertRefused("namespace.yaml", s -> s.replace("kind: Namespace", "kind: Namespaces"), "no schema");
    }

    @Test
    void missingRequiredFieldIsRefused() throws IOException {
        assertRefused("services/user.yaml", s -> s.replaceFirst("  applicationImage: [^\n]+\n", ""), "applicationImage");
    }

    private void assertRefused(String file, java.util.function.UnaryOperator<String> edit, String mentioned)
            throws IOException {
        String original = Files.readString(Repository.manifests().resolve(file));
        assertTrue(!edit.apply(original).equals(original), file + ": the edit must change the copy");
        List<String> problems = validator.problems(copy(file, edit));
        assertTrue(problems.stream().anyMatch(p -> p.contains(mentioned)),
                file + ": expected a problem mentioning '" + mentioned + "', got " + problems);
    }

    private Path copy(String file, java.util.function.UnaryOperator<String> edit) throws IOException {
        String original = Files.readString(Repository.manifests().resolve(file));
        String changed = edit.apply(original);
        Path target = dir.resolve(file.replace('/', '_'));
        Files.writeString(target, changed);
        return target;
    }
}
