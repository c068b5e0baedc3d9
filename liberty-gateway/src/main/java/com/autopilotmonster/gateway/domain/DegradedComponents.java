package com.autopilotmonster.gateway.domain;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The components a service's readiness answer reports as degraded: MicroProfile Health checks that are UP but
 * carry {@code "degraded": true} in their data. common-ejb's {@code kafka} check does so during a broker outage
 * (readiness stays UP because the outbox absorbs it), with a stalled outbox or a dead incoming channel. An answer
 * that is not MicroProfile Health JSON names nothing: readiness itself is judged by the status code.
 */
public final class DegradedComponents {

    private DegradedComponents() {
    }

    public static List<String> in(String readinessBody) {
        List<String> degraded = new ArrayList<>();
        if (readinessBody == null || readinessBody.isBlank()) {
            return degraded;
        }
        try (var reader = Json.createReader(new StringReader(readinessBody))) {
            JsonValue root = reader.readValue();
            if (!(root instanceof JsonObject answer) || !(answer.get("checks") instanceof jakarta.json.JsonArray checks)) {
                return degraded;
            }
            for (JsonValue value : checks) {
                if (value instanceof JsonObject check && check.get("data") instanceof JsonObject data
                        && isTrue(data.get("degraded"))) {
                    degraded.add(check.get("name") instanceof JsonString name ? name.getString() : "unnamed");
                }
            }
        } catch (JsonException | IllegalStateException e) {
            return degraded;
        }
        return degraded;
    }

    private static boolean isTrue(JsonValue value) {
        return value == JsonValue.TRUE || value instanceof JsonString s && "true".equalsIgnoreCase(s.getString());
    }
}
