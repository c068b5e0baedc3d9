package com.autopilotmonster.auth.domain;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bson.Document;

/**
 * Single-use, expiring tokens mailed to users (email verification, password reset), stored only as hashes
 * in {@code email_tokens}.
 */
@ApplicationScoped
public class EmailTokens {

    static final String COLLECTION = "email_tokens";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a token is for. */
    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    /** What happened when a token was presented. */
    public enum Outcome { CONSUMED, UNKNOWN, USED, EXPIRED }

    /** The outcome and, when consumed, whose token it was. */
    public record Consumption(Outcome outcome, String userId) {
    }

    @Inject
    MongoDatabase database;

    public String issue(String userId, Purpose purpose, Duration ttl) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        collection().insertOne(new Document("_id", RefreshTokens.hash(token)).append("userId", userId)
                .append("purpose", purpose.name()).append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(now.plus(ttl))).append("usedAt", null));
        return token;
    }

    /** Marks the token used (atomically: two concurrent uses cannot both succeed). */
    public Consumption consume(String token, Purpose purpose) {
        String hash = RefreshTokens.hash(token);
        Document claimed = collection().findOneAndUpdate(Filters.and(Filters.eq("_id", hash),
                Filters.eq("purpose", purpose.name()), Filters.eq("usedAt", null),
                Filters.gt("expiresAt", new Date())), Updates.set("usedAt", new Date()));
        if (claimed != null) {
            return new Consumption(Outcome.CONSUMED, claimed.getString("userId"));
        }
        Document existing = collection().find(Filters.and(Filters.eq("_id", hash),
                Filters.eq("purpose", purpose.name()))).first();
        if (existing == null) {
            return new Consumption(Outcome.UNKNOWN, null);
        }
        return new Consumption(existing.get("usedAt") != null ? Outcome.USED : Outcome.EXPIRED, null);
    }

    /** Marks every unused token of the user for this purpose used: e.g. after a reset, no older link works. */
    public void voidOutstanding(String userId, Purpose purpose) {
        collection().updateMany(Filters.and(Filters.eq("userId", userId), Filters.eq("purpose", purpose.name()),
                Filters.eq("usedAt", null)), Updates.set("usedAt", new Date()));
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }
}
