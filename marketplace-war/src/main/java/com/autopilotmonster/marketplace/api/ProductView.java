package com.autopilotmonster.marketplace.api;

import com.autopilotmonster.marketplace.domain.Product;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A product as clients see it: the spec's model ({@code _id} and the spec id {@code productId}, money with 2
 * decimals, rating rounded) with the fields the original web client reads ({@code currency}, {@code vendorName}).
 * {@code deliveryUrl} - where the bought file lives - is shown only to the product's vendor and admins: buyers get
 * it through the user service's signed, counted download links, never from the catalog.
 */
@JsonbPropertyOrder({"id", "productId", "vendorId", "vendorName", "name", "description", "price", "originalPrice",
        "currency", "category", "tags", "images", "thumbnail", "rating", "reviewCount", "downloadCount", "featured",
        "popular", "status", "rejectionReason", "deliveryUrl", "createdAt", "updatedAt"})
public record ProductView(@JsonbProperty("_id") String id, String productId, String vendorId, String vendorName,
                          String name, String description, BigDecimal price, BigDecimal originalPrice, String currency,
                          String category, List<String> tags, List<String> images, String thumbnail, double rating,
                          int reviewCount, long downloadCount, @JsonbProperty("isFeatured") boolean featured,
                          @JsonbProperty("isPopular") boolean popular, String status, String rejectionReason,
                          String deliveryUrl, Instant createdAt, Instant updatedAt) {

    /** The public view: everything but the delivery location. */
    public static ProductView of(Product p) {
        return of(p, false);
    }

    public static ProductView of(Product p, boolean withDelivery) {
        // the client's Product.vendorName is a string it always renders: a product created without its vendor's
        // name in the token (an admin acting for the vendor) answers "" rather than leaving the member out
        return new ProductView(p.id(), p.id(), p.vendorId(), p.vendorName() == null ? "" : p.vendorName(), p.name(), p.description(), p.price(),
                p.originalPrice(), p.currency(), p.category(), p.tags(), p.images(), p.thumbnail(),
                Math.round(p.rating() * 100) / 100.0, p.reviewCount(), p.downloadCount(), p.featured(), p.popular(),
                p.status(), p.rejectionReason(), withDelivery ? p.deliveryUrl() : null, p.createdAt(), p.updatedAt());
    }
}
