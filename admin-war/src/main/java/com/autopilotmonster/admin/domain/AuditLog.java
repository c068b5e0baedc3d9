package com.autopilotmonster.admin.domain;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The append-only record of every admin action taken through this service: who, what, on which target, the
 * target before and after (where the owner answered them), the request id and the time. There is no update or
 * delete path in the code or the API; entries are written after the owner accepted the action.
 */
@ApplicationScoped
public class AuditLog {

    public static final String COLLECTION = "audit_logs";
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    @Inject
    MongoDatabase database;

    public record Entry(String actorId, String actorEmail, String action, String targetType, String targetId,
                       JsonValue before, JsonValue after, String requestId) {
    }

    public record Query(String actorId, String action, String targetType, String targetId, Instant from, Instant to) {
    }

    MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }

    public String append(Entry entry) {
        String id = UUID.randomUUID().toString();
        Document doc = new Document("_id", id).append("auditId", id).append("actorId", entry.actorId())
                .append("actorEmail", entry.actorEmail()).append("action", entry.action())
                .append("targetType", entry.targetType()).append("targetId", entry.targetId())
                .append("requestId", entry.requestId()).append("timestamp", new Date());
        if (entry.before() instanceof JsonObject before) {
            doc.append("before", Document.parse(before.toString()));
        }
        if (entry.after() instanceof JsonObject after) {
            doc.append("after", Document.parse(after.toString()));
        }
        collection().insertOne(doc);
        return id;
    }

    /**
     * An admin action another service recorded itself ({@code admin.audit} from its outbox): kept as it came, under
     * the event's id, so a redelivered event is never a second entry. {@code action} is {@code <service>:<method>}
     * ({@code marketplace:put}); {@code route} names what was changed.
     */
    public void appendRecorded(String eventId, JsonObject p) {
        String id = "evt-" + eventId;
        String service = text(p, "service");
        String method = text(p, "method");
        Date at = Date.from(Instant.now());
        try {
            String timestamp = text(p, "timestamp");
            if (timestamp != null) {
                at = Date.from(Instant.parse(timestamp));
            }
        } catch (java.time.format.DateTimeParseException e) {
            // the receive time stands in for an unreadable one
        }
        Document doc = new Document("_id", id).append("auditId", id).append("actorId", text(p, "actorId"))
                .append("actorEmail", text(p, "actorEmail"))
                .append("action", service + ":" + (method == null ? "change" : method.toLowerCase(java.util.Locale.ROOT)))
                .append("service", service).append("route", text(p, "route")).append("path", text(p, "path"))
                .append("targetId", text(p, "targetId")).append("requestId", text(p, "requestId"))
                .append("source", service).append("timestamp", at);
        if (p.get("status") instanceof jakarta.json.JsonNumber status) {
            doc.append("status", status.intValue());
        }
        try {
            collection().insertOne(doc);
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // already recorded: a redelivery
        }
    }

    private static String text(JsonObject p, String key) {
        return p.get(key) instanceof jakarta.json.JsonString s ? s.getString() : null;
    }

    public Page<JsonObject> search(Query query, PageRequest paging) {
        List<Bson> filters = new ArrayList<>();
        if (query.actorId() != null) {
            filters.add(Filters.eq("actorId", query.actorId()));
        }
        if (query.action() != null) {
            filters.add(Filters.eq("action", query.action()));
        }
        if (query.targetType() != null) {
            filters.add(Filters.eq("targetType", query.targetType()));
        }
        if (query.targetId() != null) {
            filters.add(Filters.eq("targetId", query.targetId()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte("timestamp", Date.from(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("timestamp", Date.from(query.to())));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = collection().countDocuments(filter);
        List<JsonObject> items = collection().find(filter).sort(Sorts.descending("timestamp"))
                .skip((int) paging.offset()).limit(paging.limit()).map(AuditLog::view).into(new ArrayList<>());
        return new Page<>(items, paging.page(), paging.limit(), total);
    }

    static JsonObject view(Document d) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("_id", d.getString("_id")).add("auditId", d.getString("_id"));
        for (String key : List.of("actorId", "actorEmail", "action", "targetType", "targetId", "requestId", "service",
                "route", "path", "source")) {
            if (d.getString(key) != null) {
                b.add(key, d.getString(key));
            }
        }
        for (String key : List.of("before", "after")) {
            if (d.get(key) instanceof Document sub) {
                b.add(key, Json.createReader(new StringReader(sub.toJson(RELAXED))).readObject());
            }
        }
        if (d.get("status") instanceof Integer status) {
            b.add("status", status);
        }
        Date at = d.getDate("timestamp");
        if (at != null) {
            b.add("timestamp", at.toInstant().toString());
        }
        return b.build();
    }
}
