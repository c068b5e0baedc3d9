package com.autopilotmonster.user.events;

import com.autopilotmonster.user.domain.Purchases;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The consumed events' payloads (the platform contract; JSON-B ignores fields not named here). Mutable
 * classes so absent optional fields stay null.
 */
public final class EventPayloads {

    private EventPayloads() {
    }

    /** {@code user.registered} (auth): {@code {userId, email, firstName, lastName?, timestamp}}. */
    public static class UserRegistered {
        public String userId;
        public String email;
        public String firstName;
        public String lastName;
        public String timestamp;
    }

    /** {@code user.updated} (auth): {@code {userId, firstName, lastName, timestamp}}; timestamp = the names' version. */
    public static class UserUpdated {
        public String userId;
        public String firstName;
        public String lastName;
        public String timestamp;
    }

    /** {@code user.deleted} (admin): {@code {userId, timestamp}}. */
    public static class UserDeleted {
        public String userId;
        public String timestamp;
    }

    /**
     * {@code order.created}, {@code payment.success}, {@code order.refunded}, {@code order.cancelled} (order):
     * {@code {orderId, userId, items?: [{productId, productName, vendorId, price, quantity}], currency?, ...}}.
     */
    public static class OrderEvent {
        public String orderId;
        public String userId;
        public List<Item> items;
        public String currency;
        public String reason;
        public String timestamp;

        boolean valid() {
            return orderId != null && !orderId.isBlank() && userId != null && !userId.isBlank();
        }

        List<Purchases.Line> lines() {
            if (items == null) {
                return List.of();
            }
            return items.stream().filter(Objects::nonNull).filter(i -> i.productId != null && !i.productId.isBlank())
                    .map(i -> new Purchases.Line(i.productId, i.productName, i.vendorId, i.price,
                            i.quantity == null ? 1 : i.quantity))
                    .toList();
        }
    }

    public static class Item {
        public String productId;
        public String productName;
        public String vendorId;
        public BigDecimal price;
        public Integer quantity;
    }

    /**
     * {@code product.created|updated|deleted} (marketplace): {@code {productId, vendorId, name, price, category,
     * status, currency?, deliveryUrl?, timestamp}}.
     */
    public static class ProductEvent {
        public String productId;
        public String vendorId;
        public String name;
        public BigDecimal price;
        public String category;
        public String status;
        public String currency;
        public String deliveryUrl;
        public String timestamp;
    }
}
