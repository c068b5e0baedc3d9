package com.autopilotmonster.marketplace.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * A catalog entry in {@code marketplace_db.products}, field for field the spec's Mongoose model (numbers for
 * money, as the Node service stored them; {@code BigDecimal} with 2 decimals everywhere in Java).
 * Products are read and written with the MongoDB driver rather than JNoSQL's template: every change is a
 * partial atomic update ({@code $set} of the edited fields, {@code $inc} of the review sums) so an edit
 * never overwrites a concurrent rating update, and listings need sorted, paged regex queries.
 * {@code ratingSum} is internal: {@code rating = ratingSum / reviewCount}.
 */
public record Product(String id, String vendorId, String name, String description, BigDecimal price,
                      BigDecimal originalPrice, String category, List<String> tags, List<String> images,
                      String thumbnail, double rating, int reviewCount, long downloadCount, boolean featured,
                      boolean popular, String status, String rejectionReason, Instant createdAt,
                      Instant updatedAt, String currency, String vendorName, String deliveryUrl) {

    public static final String COLLECTION = "products";
    /** The Node model's default, and what documents written before the field existed are priced in. */
    public static final String DEFAULT_CURRENCY = "USD";

    public boolean isActive() {
        return ProductStatus.ACTIVE.equals(status);
    }

    public static Product of(Document d) {
        return new Product(d.getObjectId("_id").toHexString(), d.getString("vendorId"), d.getString("name"),
                d.getString("description"), money(d.get("price")), money(d.get("originalPrice")),
                d.getString("category"), d.getList("tags", String.class, List.of()),
                d.getList("images", String.class, List.of()), d.getString("thumbnail"),
                number(d.get("rating")), (int) number(d.get("reviewCount")), (long) number(d.get("downloadCount")),
                Boolean.TRUE.equals(d.getBoolean("isFeatured")), Boolean.TRUE.equals(d.getBoolean("isPopular")),
                d.getString("status"), d.getString("rejectionReason"), instant(d.get("createdAt")),
                instant(d.get("updatedAt")), d.get("currency") == null ? DEFAULT_CURRENCY : d.getString("currency"),
                d.getString("vendorName"), d.getString("deliveryUrl"));
    }

    /** A new document: server-owned fields get their defaults whatever the caller sent. */
    static Document newDocument(String vendorId, String vendorName, String currency, ProductData data, Instant now) {
        Document d = new Document("_id", new ObjectId())
                .append("vendorId", vendorId)
                .append("name", data.name())
                .append("description", data.description())
                .append("price", data.price().doubleValue())
                .append("currency", currency);
        if (vendorName != null) {
            d.append("vendorName", vendorName);
        }
        if (data.deliveryUrl() != null) {
            d.append("deliveryUrl", data.deliveryUrl());
        }
        if (data.originalPrice() != null) {
            d.append("originalPrice", data.originalPrice().doubleValue());
        }
        d.append("category", data.category())
                .append("tags", data.tags() == null ? List.of() : data.tags())
                .append("images", data.images() == null ? List.of() : data.images());
        if (data.thumbnail() != null) {
            d.append("thumbnail", data.thumbnail());
        }
        return d.append("rating", 0.0).append("ratingSum", 0L).append("reviewCount", 0).append("downloadCount", 0L)
                .append("isFeatured", false).append("isPopular", false).append("status", ProductStatus.PENDING)
                .append("createdAt", Date.from(now)).append("updatedAt", Date.from(now));
    }

    static BigDecimal money(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal decimal = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        // cents, written as the Node service did: 19 and 49.9 rather than 19.00 and 49.90 (never 1E+2)
        BigDecimal cents = decimal.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return cents.scale() < 0 ? cents.setScale(0) : cents;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
