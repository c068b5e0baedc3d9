package com.autopilotmonster.user.api;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/** Stored documents as JSON-ready maps: ObjectIds as hex strings, dates as ISO instants. */
final class Docs {

    private Docs() {
    }

    static Map<String, Object> view(Document doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        doc.forEach((k, v) -> {
            Object value = value(v);
            if (value != null) {
                out.put(k, value);
            }
        });
        return out;
    }

    private static Object value(Object v) {
        if (v instanceof ObjectId id) {
            return id.toHexString();
        }
        if (v instanceof Date d) {
            return d.toInstant();
        }
        if (v instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (v instanceof Document d) {
            return view(d);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(e -> out.add(value(e)));
            return out;
        }
        return v;
    }
}
