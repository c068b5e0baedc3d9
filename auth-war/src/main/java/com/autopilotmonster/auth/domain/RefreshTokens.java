package com.autopilotmonster.auth.domain;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes in {@code refresh_tokens}. Each use rotates the
 * token within its family; presenting a token that was already used means it was stolen (or replayed), so
 * the whole family is revoked. A family - one sign-in - lives at most {@code auth.jwt.refresh-max-lifetime}
 * (30 days, OWASP ASVS 3.3) from the login however often it is rotated: then the user signs in again.
 */
@ApplicationScoped
public class RefreshTokens {

    static final String COLLECTION = "refresh_tokens";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MongoDatabase database;

    @Inject
    @ConfigProperty(name = "auth.jwt.refresh-ttl", defaultValue = "P7D")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "auth.jwt.refresh-max-lifetime", defaultValue = "P30D")
    Duration maxLifetime;

    /** What a presented token turned out to be. */
    public enum Outcome { ROTATED, UNKNOWN, EXPIRED, REVOKED, REUSED }

    /** The outcome and, when rotated, the owner and the new token. */
    public record Exchange(Outcome outcome, String userId, String newToken) {
    }

    public String issue(String userId) {
        return store(userId, UUID.randomUUID().toString(), Instant.now().plus(maxLifetime));
    }

    public Exchange rotate(String presented) {
        MongoCollection<Document> tokens = collection();
        String hash = hash(presented);
        Document claimed = tokens.findOneAndUpdate(
                Filters.and(Filters.eq("_id", hash), Filters.eq("usedAt", null), Filters.eq("revokedAt", null)),
                Updates.set("usedAt", new Date()), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (claimed == null) {
            Document existing = tokens.find(Filters.eq("_id", hash)).first();
            if (existing == null) {
                return new Exchange(Outcome.UNKNOWN, null, null);
            }
            if (existing.get("revokedAt") != null && existing.get("usedAt") == null) {
                return new Exchange(Outcome.REVOKED, existing.getString("userId"), null);
            }
            revokeFamily(existing.getString("familyId"));
            return new Exchange(Outcome.REUSED, existing.getString("userId"), null);
        }
        Instant familyEnds = familyEnds(claimed);
        Instant now = Instant.now();
        if (claimed.getDate("expiresAt").toInstant().isBefore(now) || !familyEnds.isAfter(now)) {
            return new Exchange(Outcome.EXPIRED, claimed.getString("userId"), null);
        }
        String userId = claimed.getString("userId");
        return new Exchange(Outcome.ROTATED, userId, store(userId, claimed.getString("familyId"), familyEnds));
    }

    /** Revokes the family of a presented token (logout); false if the token is unknown. */
    public boolean revokeFamilyOf(String presented) {
        Document existing = collection().find(Filters.eq("_id", hash(presented))).first();
        if (existing == null) {
            return false;
        }
        revokeFamily(existing.getString("familyId"));
        return true;
    }

    public void revokeAllOf(String userId) {
        collection().updateMany(Filters.and(Filters.eq("userId", userId), Filters.eq("revokedAt", null)),
                Updates.set("revokedAt", new Date()));
    }

    private void revokeFamily(String familyId) {
        collection().updateMany(Filters.and(Filters.eq("familyId", familyId), Filters.eq("revokedAt", null)),
                Updates.set("revokedAt", new Date()));
    }

    /** The family's absolute end; a token stored before there was one counts from its own creation. */
    private Instant familyEnds(Document token) {
        java.util.Date ends = token.getDate("familyExpiresAt");
        return ends != null ? ends.toInstant() : token.getDate("createdAt").toInstant().plus(maxLifetime);
    }

    private String store(String userId, String familyId, Instant familyEnds) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        collection().insertOne(new Document("_id", hash(token)).append("userId", userId).append("familyId", familyId)
                .append("createdAt", Date.from(now)).append("familyExpiresAt", Date.from(familyEnds))
                .append("expiresAt", Date.from(min(now.plus(ttl), familyEnds)))
                .append("usedAt", null).append("revokedAt", null));
        return token;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
