package com.autopilotmonster.content.domain;

import com.autopilotmonster.common.problem.ApiException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/** Stored documents to answer maps (dates as instants, internal fields left out) and query helpers. */
public final class Docs {

    private Docs() {
    }

    public static Map<String, Object> view(Document d, Set<String> hidden) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : d.entrySet()) {
            if (!hidden.contains(e.getKey())) {
                out.put(e.getKey(), value(e.getValue()));
            }
        }
        return out;
    }

    /**
     * Public answers carry the rendered, sanitised HTML in the body field too ({@code content} or
     * {@code description}): the Markdown source, which may hold anything an editor pasted, stays in admin answers.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> publicBody(Map<String, Object> v, String field, String htmlField) {
        if (v.containsKey(htmlField)) {
            v.put(field, v.get(htmlField));
        } else {
            v.remove(field);
        }
        Object steps = v.get("steps");
        if (steps instanceof List<?> list) {
            list.forEach(step -> {
                if (step instanceof Map<?, ?> m) {
                    Map<String, Object> sm = (Map<String, Object>) m;
                    sm.put("content", sm.get("contentHtml"));
                }
            });
        }
        return v;
    }

    private static Object value(Object v) {
        if (v instanceof Date date) {
            return date.toInstant();
        }
        if (v instanceof Document doc) {
            return view(doc, Set.of());
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(value(item)));
            return out;
        }
        return v;
    }

    /** A case-insensitive "contains" over the user's literal text: every regex metacharacter escaped. */
    public static org.bson.conversions.Bson contains(String field, String text) {
        return com.mongodb.client.model.Filters.regex(field, literal(text), "i");
    }

    static String literal(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (!Character.isLetterOrDigit(cp) && !Character.isWhitespace(cp)) {
                out.append('\\');
            }
            out.appendCodePoint(cp);
        });
        return out.toString();
    }

    public static ApiException invalid(String field, String message) {
        return ApiException.validation(field + " " + message,
                List.of(new com.autopilotmonster.common.problem.FieldViolation(field, message)));
    }
}
