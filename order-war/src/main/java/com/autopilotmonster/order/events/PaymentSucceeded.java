package com.autopilotmonster.order.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/** {@code payment.success}: what vendors' earnings and purchase histories are built from. */
@JsonbPropertyOrder({"orderId", "userId", "amount", "currency", "paymentMethod", "paymentId", "items", "timestamp"})
public record PaymentSucceeded(String orderId, String userId, BigDecimal amount, String currency, String paymentMethod,
                               String paymentId, List<Item> items, String timestamp) {

    public static final String TOPIC = "payment.success";

    /**
     * A paid line: {@code price} is the unit catalog price at checkout, {@code discount} the line's share of a
     * coupon and {@code total} what was charged for it (price x quantity - discount): vendors earn on total.
     */
    @JsonbPropertyOrder({"productId", "productName", "vendorId", "price", "quantity", "discount", "total"})
    public record Item(String productId, String productName, String vendorId, BigDecimal price, int quantity,
                       BigDecimal discount, BigDecimal total) {

        public static Item of(com.autopilotmonster.order.domain.OrderLine line) {
            return new Item(line.productId(), line.productName(), line.vendorId(), line.price(), line.quantity(),
                    line.discount(), line.netTotal());
        }
    }
}
