package com.autopilotmonster.order.domain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import org.bson.Document;

/**
 * Provider event ids already handled, so a webhook delivered twice (providers retry until they see a 2xx,
 * and may send the same event more than once) has one effect: the id is claimed with one insert on
 * {@code _id} before the event is applied, and released if applying it failed so the retry can succeed.
 */
@ApplicationScoped
public class ProviderEvents {

    static final String COLLECTION = "provider_events";

    @Inject
    MongoDatabase database;

    /** @return false if this provider event was seen before */
    public boolean claim(String provider, String eventId, String type) {
        try {
            database.getCollection(COLLECTION).insertOne(new Document("_id", provider + ":" + eventId)
                    .append("provider", provider).append("type", type).append("receivedAt", new Date()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void release(String provider, String eventId) {
        database.getCollection(COLLECTION).deleteOne(Filters.eq("_id", provider + ":" + eventId));
    }
}
