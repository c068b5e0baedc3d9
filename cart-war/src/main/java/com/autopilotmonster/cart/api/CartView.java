package com.autopilotmonster.cart.api;

import com.autopilotmonster.cart.domain.Cart;
import com.autopilotmonster.cart.domain.CartLine;
import com.autopilotmonster.cart.domain.CartTotals;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The spec's cart model as JSON; money as numbers with two decimals. */
@JsonbPropertyOrder({"id", "userId", "items", "subtotal", "tax", "total", "currency", "createdAt", "updatedAt",
        "expiresAt"})
public record CartView(@JsonbProperty("_id") String id, String userId, List<Item> items, BigDecimal subtotal,
                       BigDecimal tax, BigDecimal total, String currency, Instant createdAt, Instant updatedAt,
                       Instant expiresAt) {

    @JsonbPropertyOrder({"productId", "productName", "price", "quantity", "thumbnail", "available"})
    public record Item(String productId, String productName, BigDecimal price, int quantity, String thumbnail,
                       boolean available) {

        static Item of(CartLine line) {
            return new Item(line.productId(), line.productName(), line.price(), line.quantity(), line.thumbnail(),
                    line.available());
        }
    }

    static CartView of(Cart cart, CartTotals totals, String currency) {
        return new CartView(cart.id(), cart.userId(), cart.lines().stream().map(Item::of).toList(), totals.subtotal(),
                totals.tax(), totals.total(), currency, cart.createdAt(), cart.updatedAt(), cart.expiresAt());
    }
}
