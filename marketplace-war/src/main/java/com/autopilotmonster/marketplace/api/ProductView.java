package com.autopilotmonster.marketplace.api;

import com.autopilotmonster.marketplace.domain.Product;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A product as clients see it: the spec's model ({@code _id}, money with 2 decimals, rating rounded). */
@JsonbPropertyOrder({"id", "vendorId", "name", "description", "price", "originalPrice", "category", "tags", "images",
        "thumbnail", "rating", "reviewCount", "downloadCount", "featured", "popular", "status", "rejectionReason",
        "createdAt", "updatedAt"})
public record ProductView(@JsonbProperty("_id") String id, String vendorId, String name, String description,
                          BigDecimal price, BigDecimal originalPrice, String category, List<String> tags,
                          List<String> images, String thumbnail, double rating, int reviewCount, long downloadCount,
                          @JsonbProperty("isFeatured") boolean featured, @JsonbProperty("isPopular") boolean popular,
                          String status, String rejectionReason, Instant createdAt, Instant updatedAt) {

    public static ProductView of(Product p) {
        return new ProductView(p.id(), p.vendorId(), p.name(), p.description(), p.price(), p.originalPrice(),
                p.category(), p.tags(), p.images(), p.thumbnail(), Math.round(p.rating() * 100) / 100.0,
                p.reviewCount(), p.downloadCount(), p.featured(), p.popular(), p.status(), p.rejectionReason(),
                p.createdAt(), p.updatedAt());
    }
}
