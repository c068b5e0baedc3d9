package com.autopilotmonster.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks every document of a Kubernetes YAML file against the schema of its {@code apiVersion}/{@code kind}.
 * A kind without a schema here is itself a problem: an unchecked resource would let a typo through.
 */
final class ManifestValidator {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final SchemaCatalog catalog;

    ManifestValidator(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every document of the file, in order (empty documents between {@code ---} skipped). */
    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(Files.newBufferedReader(file))) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    documents.add(doc);
                }
            }
        }
        return documents;
    }

    /** The problems found, each naming file, kind, name and the failing location; empty when valid. */
    List<String> problems(Path file) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> documents;
        try {
            documents = documents(file);
        } catch (IOException e) {
            return List.of(file.getFileName() + ": not YAML: " + e.getMessage());
        }
        if (documents.isEmpty()) {
            problems.add(file.getFileName() + ": no resource");
        }
        for (JsonNode doc : documents) {
            String apiVersion = doc.path("apiVersion").asText("");
            String kind = doc.path("kind").asText("");
            String where = file.getFileName() + " " + kind + "/" + doc.path("metadata").path("name").asText("?");
            Optional<JsonSchema> schema = catalog.schemaFor(apiVersion, kind);
            if (schema.isEmpty()) {
                problems.add(where + ": no schema for apiVersion '" + apiVersion + "' kind '" + kind + "'");
                continue;
            }
            for (ValidationMessage message : schema.get().validate(doc)) {
                problems.add(where + ": " + message.getMessage());
            }
        }
        return problems;
    }
}
