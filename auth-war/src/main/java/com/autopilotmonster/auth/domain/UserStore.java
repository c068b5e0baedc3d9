package com.autopilotmonster.auth.domain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.nosql.Template;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Users: read and inserted through Eclipse JNoSQL (a duplicate email - unique index - is reported, not thrown
 * raw); changed only field by field with the driver, never by writing a whole document back.
 */
@ApplicationScoped
public class UserStore {

    @Inject
    Template template;

    @Inject
    MongoDatabase database;

    public Optional<User> byEmail(String email) {
        return template.select(User.class).where("email").eq(email).singleResult();
    }

    public Optional<User> byId(String id) {
        if (id == null || !org.bson.types.ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return template.find(User.class, id);
    }

    /** @return false if the email is taken */
    public boolean insert(User user) {
        try {
            template.insert(user);
            return true;
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Sets just these fields (and {@code updatedAt}) in ONE update of the stored document - never a write of the
     * whole document, so a request that read the user earlier cannot restore an old password hash, role or active
     * flag that someone changed meanwhile (the fields are the spec model's names: {@code isActive}, ...).
     *
     * @return false if the user does not exist
     */
    public boolean set(String id, Map<String, Object> fields) {
        if (id == null || !ObjectId.isValid(id)) {
            return false;
        }
        List<Bson> set = new ArrayList<>();
        fields.forEach((field, value) -> set.add(Updates.set(field, value)));
        set.add(Updates.set("updatedAt", new Date()));
        return users().updateOne(Filters.eq("_id", new ObjectId(id)), Updates.combine(set)).getMatchedCount() > 0;
    }

    /**
     * Replaces the password hash only while it is still {@code expected} (a re-hash at login must not undo a
     * password reset that happened since the login read the account).
     */
    public boolean replacePasswordHash(String id, String expected, String hash) {
        if (id == null || !ObjectId.isValid(id)) {
            return false;
        }
        return users().updateOne(Filters.and(Filters.eq("_id", new ObjectId(id)), Filters.eq("password", expected)),
                Updates.combine(Updates.set("password", hash), Updates.set("updatedAt", new Date())))
                .getModifiedCount() > 0;
    }

    private com.mongodb.client.MongoCollection<org.bson.Document> users() {
        return database.getCollection("users");
    }

    /**
     * Sets the names (a null one stays as it is) if {@code version} is newer than the names' current version,
     * in ONE conditional update of just these fields: a concurrent change of anything else is not overwritten,
     * and of two name changes the later one wins whatever order they arrive in.
     *
     * @return false if the user does not exist or already holds names at least as new
     */
    public boolean renameIfNewer(String id, String firstName, String lastName, Instant version) {
        if (id == null || !ObjectId.isValid(id)) {
            return false;
        }
        long at = version.toEpochMilli();
        List<Bson> set = new ArrayList<>();
        if (firstName != null) {
            set.add(Updates.set("firstName", firstName));
        }
        if (lastName != null) {
            set.add(Updates.set("lastName", lastName));
        }
        set.add(Updates.set("namesVersion", at));
        set.add(Updates.set("updatedAt", new Date()));
        return users().updateOne(Filters.and(Filters.eq("_id", new ObjectId(id)),
                        Filters.or(Filters.eq("namesVersion", null), Filters.lt("namesVersion", at))),
                Updates.combine(set)).getModifiedCount() > 0;
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
