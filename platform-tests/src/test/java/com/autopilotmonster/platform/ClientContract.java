package com.autopilotmonster.platform;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One module of the original web client ({@code frontend/src/lib/api/<module>.api.ts}) as a contract: its types,
 * written out as JSON Schema in {@code client-contract/<module>.json}, and the envelope its {@code ApiClient}
 * reads ({@code success}, then {@code data} or {@code message}; on an error the envelope's {@code message}).
 * Every call's answer is checked and every disagreement collected, so one run names all of a module's gaps.
 */
final class ClientContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private final String module;
    private final JsonNode definitions;
    private final List<String> violations = new ArrayList<>();

    private ClientContract(String module, JsonNode definitions) {
        this.module = module;
        this.definitions = definitions;
    }

    static ClientContract of(String module) {
        try (InputStream in = ClientContract.class.getResourceAsStream("/client-contract/" + module + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no contract for client module " + module);
            }
            return new ClientContract(module, JSON.readTree(in).get("definitions"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A call the client reads {@code data} of: 2xx, {@code success: true}, {@code data} of the client's type. */
    JsonNode data(String call, Response response, String type) {
        JsonNode body = envelope(call, response);
        if (body == null) {
            return null;
        }
        JsonNode data = body.get("data");
        if (data == null) {
            violations.add(call + ": no data in " + abbreviated(response));
            return null;
        }
        for (ValidationMessage message : schema(type).validate(data)) {
            violations.add(call + " (" + type + "): " + message.getMessage());
        }
        return data;
    }

    /** A call the client reads only {@code message} of ({@code {success, message}}). */
    void message(String call, Response response) {
        JsonNode body = envelope(call, response);
        if (body != null && !(body.path("message").isTextual() && !body.get("message").asText().isBlank())) {
            violations.add(call + ": no top-level message in " + abbreviated(response));
        }
    }

    /** A refused call: the client shows the envelope's {@code message} (its ApiClient throws {@code error.message}). */
    void refusal(String call, Response response, int status) {
        if (response.statusCode() != status) {
            violations.add(call + ": expected " + status + ", got " + abbreviated(response));
            return;
        }
        JsonNode body = parse(call, response);
        if (body != null && !(body.path("message").isTextual() && !body.get("message").asText().isBlank())) {
            violations.add(call + ": refusal without the message the client shows: " + abbreviated(response));
        }
    }

    /** Two answers that must name the same thing (e.g. a repeated call's order). */
    void same(String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            violations.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    void assertNone() {
        if (!violations.isEmpty()) {
            fail(module + ".api contract: " + violations.size() + " disagreement(s)\n  "
                    + violations.stream().collect(Collectors.joining("\n  ")));
        }
    }

    private JsonNode envelope(String call, Response response) {
        if (response.statusCode() / 100 != 2) {
            violations.add(call + ": " + abbreviated(response));
            return null;
        }
        JsonNode body = parse(call, response);
        if (body != null && !body.path("success").asBoolean(false)) {
            violations.add(call + ": success is not true in " + abbreviated(response));
        }
        return body;
    }

    private JsonNode parse(String call, Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (IOException e) {
            violations.add(call + ": not JSON: " + abbreviated(response));
            return null;
        }
    }

    /** The type's schema with the module's definitions beside it, so its {@code #/definitions/...} refs resolve. */
    private JsonSchema schema(String type) {
        if (!definitions.has(type)) {
            throw new IllegalArgumentException(module + ".json has no type " + type);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("$ref", "#/definitions/" + type);
        root.set("definitions", definitions);
        return SCHEMAS.getSchema(root);
    }

    private static String abbreviated(Response response) {
        String body = response.asString();
        return response.statusCode() + " " + (body.length() > 400 ? body.substring(0, 400) + "..." : body);
    }
}
