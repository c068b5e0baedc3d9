package com.autopilotmonster.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Turns the published schemas into what the API server enforces, so that a typo fails here as it fails in
 * {@code kubectl apply} (strict field validation, the default since Kubernetes 1.27):
 * <ul>
 * <li>an object schema that lists its properties rejects any other one, unless it says it keeps unknown fields
 * ({@code x-kubernetes-preserve-unknown-fields}) or is a map ({@code additionalProperties} a schema). fabric8's
 * schemas say {@code additionalProperties: true} everywhere (its Java model keeps unknown fields), CRD schemas
 * say nothing (the API server prunes or, strictly, refuses unknown fields);</li>
 * <li>{@code x-kubernetes-int-or-string} becomes "integer or string";</li>
 * <li>fabric8's draft-3 style {@code "required": true} on a property is dropped: it marks {@code apiVersion} and
 * {@code kind} even where an object is embedded (a StatefulSet's volumeClaimTemplates) and the API server does
 * not ask for them; the validator needs both at the top anyway to find the schema.</li>
 * </ul>
 */
final class StrictSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StrictSchema() {
    }

    static JsonNode strict(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        tighten(copy);
        return copy;
    }

    /** The schema for a value written either as a number or as a string (Quantity, IntOrString). */
    static ObjectNode numberOrString() {
        ObjectNode node = NODES.objectNode();
        ArrayNode types = node.putArray("type");
        types.add("integer").add("number").add("string");
        return node;
    }

    private static void tighten(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(StrictSchema::tighten);
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (object.path("x-kubernetes-int-or-string").asBoolean(false) && !object.has("anyOf")) {
            object.remove("type");
            object.set("type", numberOrString().get("type"));
        }
        JsonNode properties = object.get("properties");
        if (properties instanceof ObjectNode props) {
            dropBooleanRequired(object, props);
            boolean keepsUnknown = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            JsonNode additional = object.get("additionalProperties");
            boolean isMapSchema = additional != null && additional.isObject();
            if (!keepsUnknown && !isMapSchema) {
                object.put("additionalProperties", false);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            tighten(fields.next().getValue());
        }
    }

    private static void dropBooleanRequired(ObjectNode object, ObjectNode props) {
        props.fields().forEachRemaining(e -> {
            JsonNode flag = e.getValue().get("required");
            if (flag != null && flag.isBoolean()) {
                ((ObjectNode) e.getValue()).remove("required");
            }
        });
    }
}
