package com.autopilotmonster.content.domain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import org.bson.Document;

/**
 * Slugs, one registry for every kind (blog, help, tutorial): {@code slugs} holds one document per slug ever
 * given out, {@code _id = kind:slug}, with its owner. Taking a slug is an insert, so two titles racing for the
 * same slug cannot both get it (the loser gets a suffix), and a slug a post had before a rename still names
 * that post, which is how the old address answers 301.
 */
@ApplicationScoped
public class Slugs {

    public static final String COLLECTION = "slugs";
    private static final int MAX_LENGTH = 80;

    @Inject
    MongoDatabase db;

    /**
     * Lower-case, accents removed by Unicode decomposition (é -> e, ß kept as a letter), letters and digits of
     * every script kept as they are (no transliteration: "Привет мир" -> "привет-мир"), anything else a
     * hyphen. Text with no letter or digit at all (emoji only) gives the fallback.
     */
    public static String slugify(String text, String fallback) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder();
        boolean hyphen = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
                hyphen = false;
            } else if (!hyphen && out.length() > 0) {
                out.append('-');
                hyphen = true;
            }
            if (out.length() >= MAX_LENGTH) {
                break;
            }
        }
        String slug = out.toString().replaceAll("-+$", "");
        slug = Normalizer.normalize(slug, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return slug.isEmpty() ? fallback : slug;
    }

    private MongoCollection<Document> slugs() {
        return db.getCollection(COLLECTION);
    }

    /** Takes {@code base} (or base-2, base-3 ...) for the owner; a slug the owner already holds is reused. */
    public String take(String kind, String base, String ownerId) {
        for (int n = 1; n <= 50; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (tryTake(kind, candidate, ownerId)) {
                return candidate;
            }
        }
        String random = base + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (tryTake(kind, random, ownerId)) {
            return random;
        }
        throw new IllegalStateException("no free slug for " + base);
    }

    private boolean tryTake(String kind, String slug, String ownerId) {
        try {
            slugs().insertOne(new Document("_id", kind + ":" + slug).append("kind", kind).append("slug", slug)
                    .append("owner", ownerId).append("createdAt", new Date()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = slugs().find(Filters.eq("_id", kind + ":" + slug)).first();
            return existing != null && ownerId.equals(existing.getString("owner"));
        }
    }

    /** The owner of a slug, current or former, or null. */
    public String owner(String kind, String slug) {
        Document d = slugs().find(Filters.eq("_id", kind + ":" + slug)).first();
        return d == null ? null : d.getString("owner");
    }

    /** A deleted document's slugs become free again. */
    public void release(String kind, String ownerId) {
        slugs().deleteMany(Filters.and(Filters.eq("kind", kind), Filters.eq("owner", ownerId)));
    }
}
