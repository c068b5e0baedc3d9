package com.autopilotmonster.admin.api;

import com.autopilotmonster.admin.client.Downstream;
import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Request bodies and the owners' list answers. */
final class Bodies {

    /** Ids of every owner: ObjectId hex, UUIDs, slugs; anything else (operator objects, paths) is a 400. */
    static final String ID = "[A-Za-z0-9_-]{1,64}";
    static final String ID_MESSAGE = "must be an id";
    static final int MAX_REASON = 500;

    private Bodies() {
    }

    /** A JSON object body (an empty body is an empty object); anything else is a 400. */
    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject o) {
                return o;
            }
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.badRequest("Malformed JSON body");
        }
        throw ApiException.badRequest("The body must be a JSON object");
    }

    /** The {@code reason} of a body: required (400 when missing or blank) or optional; a string of at most 1000. */
    static String reason(JsonObject body, boolean required) {
        JsonValue v = body.get("reason");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw ApiException.validation("A reason is required", List.of(new FieldViolation("reason", "is required")));
            }
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw ApiException.validation("reason must be a string", List.of(new FieldViolation("reason", "must be a string")));
        }
        String reason = s.getString().strip();
        if (reason.isEmpty() && required) {
            throw ApiException.validation("A reason is required", List.of(new FieldViolation("reason", "must not be blank")));
        }
        if (reason.length() > MAX_REASON) {
            throw ApiException.validation("reason is too long",
                    List.of(new FieldViolation("reason", "must be at most " + MAX_REASON + " characters")));
        }
        return reason.isEmpty() ? null : reason;
    }

    static String reasonBody(String reason) {
        return reason == null ? "{}" : Json.createObjectBuilder().add("reason", reason).build().toString();
    }

    /** An owner's list answer ({@code data: {<key>: [...], pagination: {total, ...}}}) as one of our pages. */
    static Page<JsonObject> page(JsonObject envelope, String key, int page, int limit) {
        JsonObject data = Downstream.data(envelope);
        List<JsonObject> items = new ArrayList<>();
        if (data.get(key) instanceof jakarta.json.JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonObject o) {
                    items.add(o);
                }
            }
        }
        return new Page<>(items, page, limit, total(data, items.size()));
    }

    static long total(JsonObject data, long fallback) {
        JsonValue pagination = data.get("pagination");
        if (pagination == null) {
            pagination = data;
        }
        if (pagination instanceof JsonObject p && p.get("total") instanceof JsonNumber n) {
            return n.longValue();
        }
        return fallback;
    }
}
