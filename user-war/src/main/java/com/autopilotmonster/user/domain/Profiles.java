package com.autopilotmonster.user.domain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * {@code user_db.profiles}: one document per user ({@code userId} unique), {@code profileId} = the hex of
 * {@code _id}. Created by {@code user.registered} or, if a user reads their profile before that event
 * arrives, on demand from the token - whichever comes first inserts, the other only fills in what is missing.
 */
@ApplicationScoped
public class Profiles {

    public static final String COLLECTION = "profiles";
    /** When the names last changed, here or in auth: the version the two services compare (older loses). */
    public static final String NAMES_UPDATED_AT = "namesUpdatedAt";

    @Inject
    MongoDatabase database;

    MongoCollection<Document> profiles() {
        return database.getCollection(COLLECTION);
    }

    public Document find(String userId) {
        return profiles().find(Filters.eq("userId", userId)).first();
    }

    /**
     * The user's profile, created with defaults if there is none yet.
     *
     * @param email     from the token or the event (may be null)
     * @param firstName may be null
     * @param lastName  may be null
     */
    public Document findOrCreate(String userId, String email, String firstName, String lastName) {
        Document existing = find(userId);
        if (existing != null) {
            return existing;
        }
        ObjectId id = new ObjectId();
        Date now = new Date();
        Document doc = new Document("_id", id).append("profileId", id.toHexString()).append("userId", userId)
                .append("email", email).append("firstName", firstName).append("lastName", lastName)
                .append("displayName", displayName(firstName, lastName))
                .append("preferences", new Document("newsletter", false).append("notifications", true)
                        .append("marketing", false).append("language", "en").append("timezone", "UTC")
                        .append("theme", "auto"))
                .append("social", new Document())
                .append("createdAt", now).append("updatedAt", now);
        doc.values().removeIf(java.util.Objects::isNull);
        try {
            profiles().insertOne(doc);
            return doc;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return find(userId);   // created at the same moment by the event or another request
            }
            throw e;
        }
    }

    /** {@code user.registered}: the profile exists afterwards; names/email from auth fill what is still missing. */
    public Document registered(String userId, String email, String firstName, String lastName) {
        Document profile = findOrCreate(userId, email, firstName, lastName);
        if (Boolean.TRUE.equals(profile.getBoolean("deleted"))) {
            return profile;
        }
        List<Bson> fill = new ArrayList<>();
        if (email != null && profile.get("email") == null) {
            fill.add(Updates.set("email", email));
        }
        if (firstName != null && profile.get("firstName") == null) {
            fill.add(Updates.set("firstName", firstName));
        }
        if (lastName != null && profile.get("lastName") == null) {
            fill.add(Updates.set("lastName", lastName));
        }
        if (profile.get("displayName") == null && displayName(firstName, lastName) != null) {
            fill.add(Updates.set("displayName", displayName(firstName, lastName)));
        }
        if (fill.isEmpty()) {
            return profile;
        }
        fill.add(Updates.set("updatedAt", new Date()));
        return profiles().findOneAndUpdate(Filters.eq("userId", userId), Updates.combine(fill),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /**
     * Applies the validated changes: {@code set} (dotted paths allowed, e.g. {@code preferences.timezone})
     * and {@code unset} (fields the user cleared).
     */
    public Document update(String userId, Map<String, Object> set, List<String> unset) {
        List<Bson> updates = new ArrayList<>();
        set.forEach((k, v) -> updates.add(Updates.set(k, v)));
        unset.forEach(k -> updates.add(Updates.unset(k)));
        updates.add(Updates.set("updatedAt", new Date()));
        return profiles().findOneAndUpdate(Filters.eq("userId", userId), Updates.combine(updates),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /**
     * The version to stamp on a name change the person makes here: now, or just above the current version if
     * an applied event carries a later stamp (another server's clock ahead) - their own change is the newest.
     */
    public static Date nextNamesVersion(Document profile) {
        Date current = profile.getDate(NAMES_UPDATED_AT);
        long now = System.currentTimeMillis();
        return new Date(current == null ? now : Math.max(now, current.getTime() + 1));
    }

    /**
     * {@code user.updated} (auth): the account's names, applied only if {@code version} is newer than the
     * profile's names ({@value #NAMES_UPDATED_AT}), in one conditional update, so a late older event changes
     * nothing. A display name that was just the old names follows them; one the person chose stays. A deleted
     * (anonymised) profile is never renamed. Not republished: the change came from auth (no ping-pong).
     *
     * @param firstName null = unchanged
     * @param lastName  null = unchanged
     * @return whether the names were applied
     */
    public boolean renamedElsewhere(String userId, String firstName, String lastName, Date version) {
        Document before = findOrCreate(userId, null, firstName, lastName);
        if (Boolean.TRUE.equals(before.getBoolean("deleted"))) {
            return false;
        }
        List<Bson> set = new ArrayList<>();
        if (firstName != null) {
            set.add(Updates.set("firstName", firstName));
        }
        if (lastName != null) {
            set.add(Updates.set("lastName", lastName));
        }
        set.add(Updates.set(NAMES_UPDATED_AT, version));
        set.add(Updates.set("updatedAt", new Date()));
        Document after = profiles().findOneAndUpdate(Filters.and(Filters.eq("userId", userId), Filters.ne("deleted", true),
                        Filters.or(Filters.eq(NAMES_UPDATED_AT, null), Filters.lt(NAMES_UPDATED_AT, version))),
                Updates.combine(set), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            return false;
        }
        // re-read: the profile may have been created with these names by findOrCreate a moment ago
        String oldDisplay = displayName(before.getString("firstName"), before.getString("lastName"));
        String newDisplay = displayName(after.getString("firstName"), after.getString("lastName"));
        Object display = before.get("displayName");
        if (newDisplay != null && !newDisplay.equals(display) && (display == null || display.equals(oldDisplay))) {
            // conditional on the display name still being the old derived one: a choice made meanwhile is kept
            profiles().updateOne(Filters.and(Filters.eq("userId", userId), display == null
                            ? Filters.eq("displayName", null) : Filters.eq("displayName", display)),
                    Updates.set("displayName", newDisplay));
        }
        return true;
    }

    /**
     * {@code user.deleted}: personal data removed for good, the document kept (with its ids) so that a late
     * {@code user.registered} or an on-demand read cannot bring the person's data back. Idempotent.
     */
    public void anonymise(String userId) {
        Date now = new Date();
        Document replacement = new Document("userId", userId).append("displayName", "Deleted user")
                .append("deleted", true).append("anonymisedAt", now).append("social", new Document())
                .append("preferences", new Document("newsletter", false).append("notifications", false)
                        .append("marketing", false).append("language", "en").append("timezone", "UTC")
                        .append("theme", "auto"))
                .append("updatedAt", now);
        Document existing = find(userId);
        if (existing == null) {
            ObjectId id = new ObjectId();
            replacement.append("_id", id).append("profileId", id.toHexString()).append("createdAt", now);
            try {
                profiles().insertOne(replacement);
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing = find(userId);
            }
        }
        replacement.append("_id", existing.get("_id")).append("profileId", existing.getString("profileId"))
                .append("createdAt", existing.get("createdAt"));
        profiles().replaceOne(Filters.eq("_id", existing.get("_id")), replacement);
    }

    static String displayName(String firstName, String lastName) {
        String name = ((firstName == null ? "" : firstName.trim()) + " " + (lastName == null ? "" : lastName.trim())).trim();
        return name.isEmpty() ? null : name;
    }
}
