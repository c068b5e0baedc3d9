package com.autopilotmonster.common.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises failures to read a request body anywhere in an exception's cause chain (JSON-B, the JSON
 * parser, the body size limit) and turns them into a 4xx without framework class names in the text.
 */
final class BodyErrors {

    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]{1,64})'?");

    private BodyErrors() {
    }

    static Optional<Response> classify(Throwable error) {
        for (Throwable t : Causes.of(error)) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return Optional.of(Problems.response(413, "payload-too-large", "Content Too Large",
                        "The request body exceeds " + tooLarge.limit() + " bytes", List.of(), Map.of()));
            }
            if (t instanceof JsonParsingException) {
                return Optional.of(malformed());
            }
            if (t instanceof JsonbException jsonb) {
                return Optional.of(invalidValue(jsonb));
            }
        }
        return Optional.empty();
    }

    private static Response malformed() {
        return Problems.response(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON",
                List.of(), Map.of());
    }

    private static Response invalidValue(JsonbException e) {
        String field = fieldOf(e);
        if (field == null) {
            return Problems.response(400, "malformed-json", "Malformed JSON",
                    "The request body is not valid JSON for this endpoint", List.of(), Map.of());
        }
        return Problems.response(400, "validation", "Validation failed", field + ": invalid value or type",
                List.of(new FieldViolation(field, "invalid value or type")), Map.of());
    }

    /** Yasson names the property it could not bind; the deepest such mention is the field the client sent. */
    private static String fieldOf(Throwable e) {
        String found = null;
        for (Throwable t : Causes.of(e)) {
            if (t.getMessage() != null) {
                Matcher m = PROPERTY.matcher(t.getMessage());
                while (m.find()) {
                    found = m.group(1);
                }
            }
        }
        return found;
    }
}
