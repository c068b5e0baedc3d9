package com.autopilotmonster.user.domain;

import com.autopilotmonster.common.api.Page;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * {@code user_db.purchases}: one document per order line ({@code orderId + productId} unique), the buyer's
 * purchase history and the key to delivery. Status: {@code pending} ({@code order.created}, no access),
 * {@code owned} ({@code payment.success}), {@code refunded} ({@code order.refunded}) or {@code cancelled}
 * ({@code order.cancelled}); only {@code owned} gives access. Each line gets its licence key when first
 * written (160 random bits from {@link SecureRandom}, unique index), shown only once it is owned.
 * Downloads are counted with one conditional {@code $inc} ({@code downloadCount < limit}), so concurrent
 * downloads can never exceed the limit.
 */
@ApplicationScoped
public class Purchases {

    public static final String COLLECTION = "purchases";
    public static final String PENDING = "pending";
    public static final String OWNED = "owned";
    public static final String REFUNDED = "refunded";
    public static final String CANCELLED = "cancelled";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    @Inject
    MongoDatabase database;

    @Inject
    UserSettings settings;

    MongoCollection<Document> purchases() {
        return database.getCollection(COLLECTION);
    }

    /** A line of an order event. */
    public record Line(String productId, String productName, String vendorId, BigDecimal price, int quantity) {
    }

    /** {@code order.created}: the lines appear as pending; an existing line (paid already, say) is left as it is. */
    public void ordered(String orderId, String userId, String currency, List<Line> lines) {
        for (Line line : lines) {
            upsert(orderId, userId, currency, line, PENDING, Filters.eq("status", "__never__"), List.of());
        }
    }

    /** {@code payment.success}: pending (or not yet seen) lines become owned; refunded/cancelled ones stay so. */
    public void paid(String orderId, String userId, String currency, List<Line> lines) {
        Date now = new Date();
        for (Line line : lines) {
            upsert(orderId, userId, currency, line, OWNED, Filters.eq("status", PENDING),
                    List.of(Updates.set("status", OWNED), Updates.set("paidAt", now)));
        }
    }

    /**
     * {@code order.refunded} / {@code order.cancelled}: access ends. With {@code lines} the named lines (written
     * in that state if they were never seen, so a late {@code payment.success} cannot grant access); without,
     * every line of the order the service knows.
     */
    public void revoked(String orderId, String userId, String currency, List<Line> lines, String status) {
        Date now = new Date();
        List<Bson> change = List.of(Updates.set("status", status), Updates.set(status + "At", now));
        if (lines == null || lines.isEmpty()) {
            purchases().updateMany(Filters.and(Filters.eq("orderId", orderId), Filters.eq("userId", userId),
                    Filters.in("status", PENDING, OWNED)), Updates.combine(withUpdatedAt(change, now)));
            return;
        }
        for (Line line : lines) {
            upsert(orderId, userId, currency, line, status, Filters.in("status", PENDING, OWNED), change);
        }
    }

    /**
     * Inserts the line in {@code insertStatus} if absent, else applies {@code change} when the stored line
     * matches {@code when}. Two events on the same line at once (different channels) are settled by the unique
     * index: the loser re-reads and applies its change to what the winner wrote.
     */
    private void upsert(String orderId, String userId, String currency, Line line, String insertStatus, Bson when,
                        List<Bson> change) {
        Bson id = Filters.and(Filters.eq("orderId", orderId), Filters.eq("productId", line.productId()));
        for (int attempt = 0; attempt < 5; attempt++) {
            Document existing = purchases().find(id).first();
            Date now = new Date();
            if (existing != null) {
                if (!change.isEmpty()) {
                    purchases().updateOne(Filters.and(id, when), Updates.combine(withUpdatedAt(change, now)));
                }
                return;
            }
            ObjectId oid = new ObjectId();
            Document doc = new Document("_id", oid).append("purchaseId", oid.toHexString()).append("userId", userId)
                    .append("orderId", orderId).append("productId", line.productId())
                    .append("productName", line.productName()).append("vendorId", line.vendorId())
                    .append("price", line.price() == null ? null : line.price().doubleValue())
                    .append("quantity", Math.max(1, line.quantity())).append("currency", currency)
                    .append("status", insertStatus).append("licenseKey", licenseKey()).append("downloadCount", 0)
                    .append("createdAt", now).append("updatedAt", now);
            if (OWNED.equals(insertStatus)) {
                doc.append("paidAt", now);
            } else if (!PENDING.equals(insertStatus)) {
                doc.append(insertStatus + "At", now);
            }
            doc.values().removeIf(java.util.Objects::isNull);
            try {
                purchases().insertOne(doc);
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // the line was written meanwhile (or, once in 2^160, the key exists): read again
            }
        }
        throw new IllegalStateException("purchase " + orderId + "/" + line.productId() + " still contended");
    }

    private static List<Bson> withUpdatedAt(List<Bson> change, Date now) {
        List<Bson> all = new ArrayList<>(change);
        all.add(Updates.set("updatedAt", now));
        return all;
    }

    /** 160 random bits as 32 characters of an unambiguous alphabet, in groups: AM-XXXXXXXX-XXXXXXXX-XXXXXXXX-XXXXXXXX. */
    static String licenseKey() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        StringBuilder key = new StringBuilder("AM");
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                if (written % 8 == 0) {
                    key.append('-');
                }
                key.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
                written++;
            }
        }
        return key.toString();
    }

    public Page<Document> list(String userId, String status, int page, int limit) {
        Bson filter = status == null ? Filters.eq("userId", userId)
                : Filters.and(Filters.eq("userId", userId), Filters.eq("status", status.toLowerCase(Locale.ROOT)));
        long total = purchases().countDocuments(filter);
        List<Document> items = purchases().find(filter).sort(Sorts.descending("createdAt"))
                .skip((page - 1) * limit).limit(limit).into(new ArrayList<>());
        return new Page<>(items, page, limit, total);
    }

    public List<Document> owned(String userId) {
        return purchases().find(Filters.and(Filters.eq("userId", userId), Filters.eq("status", OWNED)))
                .sort(Sorts.descending("paidAt")).into(new ArrayList<>());
    }

    public List<Document> latest(String userId, int n) {
        return purchases().find(Filters.eq("userId", userId)).sort(Sorts.descending("createdAt")).limit(n)
                .into(new ArrayList<>());
    }

    /** The caller's lines of the product, newest first (any status). */
    public List<Document> ofProduct(String userId, String productId) {
        return purchases().find(Filters.and(Filters.eq("userId", userId), Filters.eq("productId", productId)))
                .sort(Sorts.descending("createdAt")).into(new ArrayList<>());
    }

    public Document byId(ObjectId id) {
        return purchases().find(Filters.eq("_id", id)).first();
    }

    /**
     * Counts one download if the purchase is still owned and under the limit - one atomic conditional
     * update, so N concurrent downloads of a purchase with k left succeed exactly k times.
     *
     * @return the purchase after the count, or null if it may not be downloaded (any more)
     */
    public Document countDownload(ObjectId purchaseId, String userId) {
        return purchases().findOneAndUpdate(Filters.and(Filters.eq("_id", purchaseId), Filters.eq("userId", userId),
                        Filters.eq("status", OWNED), Filters.lt("downloadCount", settings.downloadLimit())),
                Updates.combine(Updates.inc("downloadCount", 1), Updates.set("lastDownloadAt", new Date())),
                new com.mongodb.client.model.FindOneAndUpdateOptions()
                        .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
    }

    public long countOwned(String userId) {
        return purchases().countDocuments(Filters.and(Filters.eq("userId", userId), Filters.eq("status", OWNED)));
    }
}
