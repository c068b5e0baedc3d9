package com.autopilotmonster.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * An order in {@code order_db.orders}, field for field the spec's model (orderId, userId, items with vendorId,
 * subtotal, tax, total, status, paymentStatus, paymentMethod, paymentIntent, billingAddress, timestamps) plus
 * what this service adds: currency, the review flag (amount or currency mismatch, payment after
 * cancellation), the status history, the buyer's e-mail and the discount the original client reads (zero
 * until a coupon applies). Read-only: every change is an atomic update in {@link OrderStore}.
 */
public record Order(String id, String orderId, String userId, List<OrderLine> items, BigDecimal subtotal,
                    BigDecimal tax, BigDecimal total, String currency, OrderStatus status, PaymentStatus paymentStatus,
                    String paymentMethod, String paymentIntent, BillingAddress billingAddress, boolean needsReview,
                    String reviewReason, Instant createdAt, Instant updatedAt, String userEmail, BigDecimal discount,
                    String couponCode) {

    public static final String COLLECTION = "orders";

    static Document newDocument(String orderId, String userId, String userEmail, List<OrderLine> items, BigDecimal subtotal,
                                String couponCode, BigDecimal discount, BigDecimal tax, BigDecimal total, String currency,
                                String paymentMethod, BillingAddress billing, Instant now) {
        Date at = Date.from(now);
        return new Document("_id", new ObjectId()).append("orderId", orderId).append("userId", userId)
                .append("userEmail", userEmail)
                .append("items", items.stream().map(OrderLine::toDocument).toList())
                .append("subtotal", Money.toStored(subtotal)).append("tax", Money.toStored(tax))
                .append("discount", Money.toStored(discount)).append("couponCode", couponCode)
                .append("total", Money.toStored(total)).append("currency", currency)
                .append("status", OrderStatus.PENDING.value()).append("paymentStatus", PaymentStatus.PENDING.value())
                .append("paymentMethod", paymentMethod).append("billingAddress", billing.toDocument())
                .append("needsReview", false)
                .append("statusHistory", List.of(new Document("status", OrderStatus.PENDING.value())
                        .append("paymentStatus", PaymentStatus.PENDING.value()).append("reason", "created").append("at", at)))
                .append("createdAt", at).append("updatedAt", at);
    }

    @SuppressWarnings("unchecked")
    static Order from(Document d) {
        List<Document> lines = (List<Document>) d.get("items", List.class);
        return new Order(d.getObjectId("_id").toHexString(), d.getString("orderId"), d.getString("userId"),
                lines == null ? List.of() : lines.stream().map(OrderLine::from).toList(),
                Money.fromStored(d.get("subtotal")), Money.fromStored(d.get("tax")), Money.fromStored(d.get("total")),
                d.getString("currency") == null ? "USD" : d.getString("currency"),
                OrderStatus.of(d.getString("status")), PaymentStatus.of(d.getString("paymentStatus")),
                d.getString("paymentMethod"), d.getString("paymentIntent"),
                BillingAddress.from(d.get("billingAddress", Document.class)), Boolean.TRUE.equals(d.getBoolean("needsReview")),
                d.getString("reviewReason"), instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")),
                d.getString("userEmail"), d.get("discount") == null ? Money.of(BigDecimal.ZERO) : Money.fromStored(d.get("discount")),
                d.getString("couponCode"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    public long totalMinorUnits() {
        return Money.minorUnits(total, currency);
    }
}
