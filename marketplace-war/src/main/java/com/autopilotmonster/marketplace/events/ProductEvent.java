package com.autopilotmonster.marketplace.events;

import com.autopilotmonster.marketplace.domain.Product;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code product.created|updated|deleted}: the platform contract's payload (key = the product id). */
@JsonbPropertyOrder({"productId", "vendorId", "name", "price", "category", "status", "timestamp"})
public record ProductEvent(String productId, String vendorId, String name, BigDecimal price, String category,
                           String status, String timestamp) {

    public static final String CREATED = "product.created";
    public static final String UPDATED = "product.updated";
    public static final String DELETED = "product.deleted";

    public static ProductEvent of(Product p) {
        return new ProductEvent(p.id(), p.vendorId(), p.name(), p.price(), p.category(), p.status(),
                Instant.now().toString());
    }
}
