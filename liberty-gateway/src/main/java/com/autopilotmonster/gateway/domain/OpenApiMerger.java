package com.autopilotmonster.gateway.domain;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into one, as the gateway exposes them: paths are prefixed with the
 * path of the service's own server URL and kept only when the gateway routes them to that service; equal
 * components are kept once, a different component with a name already taken is renamed
 * {@code <service>_<name>} and that service's {@code $ref}s follow; a document-wide security requirement
 * moves onto the service's operations; repeated operation ids get the service as prefix. Unavailable services
 * are listed in {@code info.x-services}, not fatal.
 */
public final class OpenApiMerger {

    /** A service's document, or why there is none. */
    public record Source(String service, List<String> prefixes, JsonObject document, String error) {

        public Source(String service, String prefix, JsonObject document, String error) {
            this(service, List.of(prefix), document, error);
        }

        boolean routes(String path) {
            return prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
        }
    }

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private final Map<String, Map<String, JsonValue>> components = new LinkedHashMap<>();
    private final Map<String, JsonObject> paths = new LinkedHashMap<>();
    private final Map<String, JsonObject> tags = new LinkedHashMap<>();
    private final Set<String> operationIds = new HashSet<>();
    private final JsonObjectBuilder services = Json.createObjectBuilder();
    private String openapiVersion;

    public JsonObject merge(Iterable<Source> sources, String gatewayUrl, String title, String version) {
        for (Source source : sources) {
            if (source.document() == null) {
                services.add(source.service(), Json.createObjectBuilder().add("status", "unavailable")
                        .add("reason", source.error()));
            } else {
                add(source);
            }
        }
        JsonObjectBuilder info = Json.createObjectBuilder().add("title", title).add("version", version)
                .add("description", "Every service of the platform behind the API gateway. Services that did not "
                        + "answer in time are listed as unavailable in x-services and their paths are missing.")
                .add("x-services", services);
        JsonObjectBuilder doc = Json.createObjectBuilder()
                .add("openapi", openapiVersion == null ? "3.0.3" : openapiVersion)
                .add("info", info)
                .add("servers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("url", gatewayUrl)
                        .add("description", "API gateway")));
        JsonObjectBuilder pathsJson = Json.createObjectBuilder();
        paths.forEach(pathsJson::add);
        doc.add("paths", pathsJson);
        if (!components.isEmpty()) {
            JsonObjectBuilder componentsJson = Json.createObjectBuilder();
            components.forEach((type, named) -> {
                JsonObjectBuilder byName = Json.createObjectBuilder();
                named.forEach(byName::add);
                componentsJson.add(type, byName);
            });
            doc.add("components", componentsJson);
        }
        if (!tags.isEmpty()) {
            JsonArrayBuilder tagsJson = Json.createArrayBuilder();
            tags.values().forEach(tagsJson::add);
            doc.add("tags", tagsJson);
        }
        return doc.build();
    }

    private void add(Source source) {
        JsonObject doc = source.document();
        if (openapiVersion == null && doc.get("openapi") instanceof JsonString v) {
            openapiVersion = v.getString();
        }
        Map<String, String> renames = componentRenames(source.service(), doc.getJsonObject("components"));
        JsonObject componentsOfDoc = doc.getJsonObject("components");
        if (componentsOfDoc != null) {
            for (Map.Entry<String, JsonValue> type : componentsOfDoc.entrySet()) {
                if (!(type.getValue() instanceof JsonObject named)) {
                    continue;
                }
                for (Map.Entry<String, JsonValue> component : named.entrySet()) {
                    String ref = ref(type.getKey(), component.getKey());
                    String name = renames.containsKey(ref) ? last(renames.get(ref)) : component.getKey();
                    components.computeIfAbsent(type.getKey(), t -> new LinkedHashMap<>())
                            .putIfAbsent(name, rewrite(component.getValue(), renames));
                }
            }
        }
        String base = serverPath(doc);
        JsonValue security = doc.get("security");
        int kept = 0;
        int dropped = 0;
        JsonObject pathsOfDoc = doc.getJsonObject("paths");
        if (pathsOfDoc != null) {
            for (Map.Entry<String, JsonValue> path : pathsOfDoc.entrySet()) {
                String exposed = join(base, path.getKey());
                if (!source.routes(exposed)
                        || !(path.getValue() instanceof JsonObject item)) {
                    dropped++; // the gateway does not route it to this service, so it cannot be tried through it
                    continue;
                }
                paths.put(exposed, pathItem(source.service(), (JsonObject) rewrite(item, renames), security));
                kept++;
            }
        }
        if (doc.get("tags") instanceof JsonArray docTags) {
            for (JsonValue tag : docTags) {
                if (tag instanceof JsonObject t && t.get("name") instanceof JsonString name) {
                    tags.putIfAbsent(name.getString(), t);
                }
            }
        }
        JsonObjectBuilder status = Json.createObjectBuilder().add("status", "included").add("paths", kept);
        if (dropped > 0) {
            status.add("pathsNotRouted", dropped);
        }
        services.add(source.service(), status);
    }

    /** Which of this document's components must take another name because a different one already has it. */
    private Map<String, String> componentRenames(String service, JsonObject componentsOfDoc) {
        Map<String, String> renames = new HashMap<>();
        if (componentsOfDoc == null) {
            return renames;
        }
        // a component equal to one already merged stays shared unless a component it refers to was renamed:
        // repeat until no more renames appear
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, JsonValue> type : componentsOfDoc.entrySet()) {
                if (!(type.getValue() instanceof JsonObject named)) {
                    continue;
                }
                Map<String, JsonValue> merged = components.getOrDefault(type.getKey(), Map.of());
                for (Map.Entry<String, JsonValue> component : named.entrySet()) {
                    String ref = ref(type.getKey(), component.getKey());
                    JsonValue existing = merged.get(component.getKey());
                    if (renames.containsKey(ref) || existing == null
                            || existing.equals(rewrite(component.getValue(), renames))) {
                        continue;
                    }
                    String name = service + "_" + component.getKey();
                    for (int n = 2; merged.containsKey(name); n++) {
                        name = service + "_" + component.getKey() + "_" + n;
                    }
                    renames.put(ref, ref(type.getKey(), name));
                    changed = true;
                }
            }
        }
        return renames;
    }

    private JsonObject pathItem(String service, JsonObject item, JsonValue docSecurity) {
        JsonObjectBuilder result = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> entry : item.entrySet()) {
            if (OPERATIONS.contains(entry.getKey()) && entry.getValue() instanceof JsonObject operation) {
                result.add(entry.getKey(), operation(service, operation, docSecurity));
            } else {
                result.add(entry.getKey(), entry.getValue());
            }
        }
        return result.build();
    }

    private JsonObject operation(String service, JsonObject operation, JsonValue docSecurity) {
        JsonObjectBuilder result = Json.createObjectBuilder(operation);
        if (docSecurity != null && !operation.containsKey("security")) {
            result.add("security", docSecurity);
        }
        if (!operation.containsKey("tags")) {
            result.add("tags", Json.createArrayBuilder().add(service));
            tags.putIfAbsent(service, Json.createObjectBuilder().add("name", service).build());
        }
        if (operation.get("operationId") instanceof JsonString id) {
            String unique = id.getString();
            if (!operationIds.add(unique)) {
                unique = service + "_" + id.getString();
                for (int n = 2; !operationIds.add(unique); n++) {
                    unique = service + "_" + id.getString() + "_" + n;
                }
                result.add("operationId", unique);
            }
        }
        return result.build();
    }

    private static JsonValue rewrite(JsonValue value, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return value;
        }
        if (value instanceof JsonObject object) {
            JsonObjectBuilder result = Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                if (entry.getKey().equals("$ref") && entry.getValue() instanceof JsonString ref
                        && renames.containsKey(ref.getString())) {
                    result.add("$ref", renames.get(ref.getString()));
                } else {
                    result.add(entry.getKey(), rewrite(entry.getValue(), renames));
                }
            }
            return result.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder result = Json.createArrayBuilder();
            array.forEach(element -> result.add(rewrite(element, renames)));
            return result.build();
        }
        return value;
    }

    /** The path part of the document's first server URL ("" for none): the service's paths are relative to it. */
    static String serverPath(JsonObject doc) {
        if (doc.get("servers") instanceof JsonArray servers && !servers.isEmpty()
                && servers.get(0) instanceof JsonObject server && server.get("url") instanceof JsonString url) {
            try {
                String path = URI.create(url.getString()).getPath();
                return path == null ? "" : path;
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return "";
    }

    static String join(String base, String path) {
        String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String joined = left + (path.startsWith("/") ? path : "/" + path);
        // a service's root path ("/" under server /api/cart) is the prefix itself
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String ref(String type, String name) {
        return "#/components/" + type + "/" + name;
    }

    private static String last(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
