package com.autopilotmonster.marketplace.events;

import com.autopilotmonster.marketplace.domain.Product;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code product.created|updated|deleted}: the platform contract's payload (key = the product id), plus the
 * currency, the vendor's name and the private {@code deliveryUrl} that the user service needs to deliver what
 * was bought (events stay inside the platform; the public catalog never shows it).
 */
@JsonbPropertyOrder({"productId", "vendorId", "name", "price", "category", "status", "currency", "vendorName",
        "deliveryUrl", "timestamp"})
public record ProductEvent(String productId, String vendorId, String name, BigDecimal price, String category,
                           String status, String currency, String vendorName, String deliveryUrl, String timestamp) {

    public static final String CREATED = "product.created";
    public static final String UPDATED = "product.updated";
    public static final String DELETED = "product.deleted";

    public static ProductEvent of(Product p) {
        return new ProductEvent(p.id(), p.vendorId(), p.name(), p.price(), p.category(), p.status(), p.currency(),
                p.vendorName(), p.deliveryUrl(), Instant.now().toString());
    }
}
