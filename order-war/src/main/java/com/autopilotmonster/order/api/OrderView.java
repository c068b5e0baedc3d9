package com.autopilotmonster.order.api;

import com.autopilotmonster.order.domain.BillingAddress;
import com.autopilotmonster.order.domain.Order;
import com.autopilotmonster.order.domain.OrderLine;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the API shows it: the spec's fields and the original client's ({@code userEmail}, {@code discount}), plus currency and the review flag. */
@JsonbPropertyOrder({"id", "orderId", "userId", "userEmail", "items", "subtotal", "couponCode", "discount", "tax", "total", "currency", "status",
        "paymentStatus", "paymentMethod", "paymentIntent", "billingAddress", "needsReview", "reviewReason",
        "createdAt", "updatedAt"})
public record OrderView(@JsonbProperty("_id") String id, String orderId, String userId, String userEmail,
                        List<OrderLine> items, BigDecimal subtotal, String couponCode, BigDecimal discount, BigDecimal tax, BigDecimal total, String currency, String status,
                        String paymentStatus, String paymentMethod, String paymentIntent, BillingAddress billingAddress,
                        boolean needsReview, String reviewReason, Instant createdAt, Instant updatedAt) {

    static OrderView of(Order o) {
        return new OrderView(o.id(), o.orderId(), o.userId(), o.userEmail(), o.items(), o.subtotal(), o.couponCode(), o.discount(), o.tax(), o.total(), o.currency(),
                o.status().value(), o.paymentStatus().value(), o.paymentMethod(), o.paymentIntent(), o.billingAddress(),
                o.needsReview(), o.reviewReason(), o.createdAt(), o.updatedAt());
    }
}
