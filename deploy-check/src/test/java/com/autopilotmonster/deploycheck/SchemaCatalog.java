package com.autopilotmonster.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON schema of every kind the manifests may use, keyed by {@code apiVersion/kind}, all read from the
 * classpath (no network):
 * <ul>
 * <li>built-in Kubernetes kinds from the {@code schema/validation-schema.json} that each fabric8
 * kubernetes-model jar (Maven Central) carries; each jar's file is its own document (their definition names
 * differ between jars), and a kind is found through the {@code apiVersion}/{@code kind} defaults of its
 * definition;</li>
 * <li>custom resources from {@code crd-schemas/*.json}: the {@code openAPIV3Schema} of the operators' CRDs
 * (see {@code crd-schemas/SOURCES.md}).</li>
 * </ul>
 * Every schema is made strict first ({@link StrictSchema}).
 */
final class SchemaCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CRDS = {
        "apps.openliberty.io_v1_OpenLibertyApplication.json",
        "kafka.strimzi.io_v1_Kafka.json",
        "kafka.strimzi.io_v1_KafkaNodePool.json",
        "kafka.strimzi.io_v1_KafkaTopic.json",
    };

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final Map<String, JsonNode> sources = new HashMap<>();
    /** The definitions of the document that defines v1/Namespace, whose ObjectMeta the custom resources reuse. */
    private ObjectNode coreDefinitions;
    private String objectMetaRef;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private static final SchemaCatalog INSTANCE = new SchemaCatalog();

    static SchemaCatalog get() {
        return INSTANCE;
    }

    private SchemaCatalog() {
        try {
            loadKubernetes();
            loadCrds();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compiled schema for {@code apiVersion/kind}, empty when the kind is unknown here. */
    Optional<JsonSchema> schemaFor(String apiVersion, String kind) {
        String key = apiVersion + "/" + kind;
        JsonNode source = sources.get(key);
        if (source == null) {
            return Optional.empty();
        }
        return Optional.of(compiled.computeIfAbsent(key, k -> factory.getSchema(source)));
    }

    java.util.Set<String> kinds() {
        return Collections.unmodifiableSet(new TreeSet<>(sources.keySet()));
    }

    private void loadKubernetes() throws IOException {
        Enumeration<URL> files = getClass().getClassLoader().getResources("schema/validation-schema.json");
        while (files.hasMoreElements()) {
            JsonNode document;
            try (InputStream in = files.nextElement().openStream()) {
                document = JSON.readTree(in);
            }
            ObjectNode definitions = (ObjectNode) StrictSchema.strict(document.get("definitions"));
            // fabric8 models Quantity and IntOrString as Java objects; in YAML they are a number or a string
            for (String name : iterable(definitions)) {
                if (name.endsWith("_Quantity") || name.endsWith("_IntOrString")) {
                    definitions.set(name, StrictSchema.numberOrString());
                }
            }
            for (String name : iterable(definitions)) {
                JsonNode props = definitions.get(name).path("properties");
                String apiVersion = props.path("apiVersion").path("default").asText("");
                String kind = props.path("kind").path("default").asText("");
                if (!apiVersion.isEmpty() && !kind.isEmpty() && props.has("metadata")) {
                    ObjectNode root = JSON.createObjectNode();
                    root.put("$ref", "#/definitions/" + name);
                    root.set("definitions", definitions);
                    sources.putIfAbsent(apiVersion + "/" + kind, root);
                    if ("v1".equals(apiVersion) && "Namespace".equals(kind)) {
                        coreDefinitions = definitions;
                        objectMetaRef = props.path("metadata").path("$ref").asText();
                    }
                }
            }
        }
    }

    private void loadCrds() throws IOException {
        for (String file : CRDS) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("crd-schemas/" + file)) {
                if (in == null) {
                    throw new IOException("missing crd-schemas/" + file);
                }
                JsonNode crd = JSON.readTree(in);
                String apiVersion = crd.get("group").asText() + "/" + crd.get("version").asText();
                sources.put(apiVersion + "/" + crd.get("kind").asText(), withObjectMeta(crd.get("openAPIV3Schema")));
            }
        }
    }

    /**
     * A CRD's schema says only {@code metadata: {type: object}} (the API server checks metadata itself); the
     * custom resources' metadata is checked against the same ObjectMeta as the built-in kinds', so a typo
     * there ({@code lables}) fails too.
     */
    private JsonNode withObjectMeta(JsonNode openApiV3Schema) {
        ObjectNode root = (ObjectNode) StrictSchema.strict(openApiV3Schema);
        if (coreDefinitions == null || objectMetaRef.isEmpty()) {
            throw new IllegalStateException("no ObjectMeta schema among the fabric8 schemas");
        }
        ObjectNode metadata = JSON.createObjectNode().put("$ref", objectMetaRef);
        ((ObjectNode) root.get("properties")).set("metadata", metadata);
        root.set("definitions", coreDefinitions);
        return root;
    }

    private static TreeSet<String> iterable(ObjectNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
