package com.autopilotmonster.cart.api;

import com.autopilotmonster.cart.domain.Cart;
import com.autopilotmonster.cart.domain.CartLine;
import com.autopilotmonster.cart.domain.CartTotals;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The spec's cart model as JSON (money as numbers with two decimals), with the spec id {@code cartId} and the
 * fields the original web client reads: {@code couponCode} and {@code discount} (zero until a coupon applies) and, per line,
 * {@code vendorId} and {@code subtotal} (price x quantity).
 */
@JsonbPropertyOrder({"id", "cartId", "userId", "items", "subtotal", "couponCode", "discount", "tax", "total", "currency",
        "createdAt", "updatedAt", "expiresAt"})
public record CartView(@JsonbProperty("_id") String id, String cartId, String userId, List<Item> items,
                       BigDecimal subtotal, String couponCode, BigDecimal discount, BigDecimal tax, BigDecimal total,
                       String currency, Instant createdAt, Instant updatedAt, Instant expiresAt) {

    @JsonbPropertyOrder({"productId", "productName", "vendorId", "price", "quantity", "subtotal", "thumbnail", "available"})
    public record Item(String productId, String productName, String vendorId, BigDecimal price, int quantity,
                       BigDecimal subtotal, String thumbnail, boolean available) {

        static Item of(CartLine line) {
            return new Item(line.productId(), line.productName(), line.vendorId(), line.price(), line.quantity(),
                    line.price().multiply(BigDecimal.valueOf(line.quantity())).setScale(2, java.math.RoundingMode.HALF_UP),
                    line.thumbnail(), line.available());
        }
    }

    static CartView of(Cart cart, CartTotals totals, String currency) {
        return new CartView(cart.id(), cart.id(), cart.userId(), cart.lines().stream().map(Item::of).toList(),
                totals.subtotal(), cart.couponCode(), totals.discount(), totals.tax(), totals.total(), currency, cart.createdAt(),
                cart.updatedAt(), cart.expiresAt());
    }
}
