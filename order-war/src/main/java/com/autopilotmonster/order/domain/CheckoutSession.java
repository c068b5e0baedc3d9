package com.autopilotmonster.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * A short-lived snapshot of the buyer's cart - lines at the catalog's prices, coupon and totals - that turns into
 * one order when it is paid. {@code status}: {@code pending} (open until {@code expiresAt}), {@code processing}
 * (being paid), {@code completed} (paid), {@code failed} (the payment was declined; the order stays and may be
 * paid again), {@code expired}.
 */
public record CheckoutSession(String sessionId, String cartId, String userId, List<OrderLine> items, BigDecimal subtotal,
                              String couponCode, BigDecimal discount, BigDecimal tax, BigDecimal total, String currency,
                              String status, String orderId, Instant createdAt, Instant expiresAt) {

    static final String COLLECTION = "checkout_sessions";

    /** As the buyer sees it now: a pending session past its expiry is expired even before anything wrote so. */
    public String effectiveStatus(Instant now) {
        return "pending".equals(status) && !now.isBefore(expiresAt) ? "expired" : status;
    }

    Document toDocument() {
        return new Document("_id", sessionId).append("cartId", cartId).append("userId", userId)
                .append("items", items.stream().map(OrderLine::toDocument).toList())
                .append("subtotal", Money.toStored(subtotal)).append("couponCode", couponCode)
                .append("discount", Money.toStored(discount)).append("tax", Money.toStored(tax))
                .append("total", Money.toStored(total)).append("currency", currency).append("status", status)
                .append("orderId", orderId).append("createdAt", Date.from(createdAt)).append("expiresAt", Date.from(expiresAt));
    }

    static CheckoutSession from(Document d) {
        return new CheckoutSession(d.getString("_id"), d.getString("cartId"), d.getString("userId"),
                d.getList("items", Document.class, List.of()).stream().map(OrderLine::from).toList(),
                Money.fromStored(d.get("subtotal")), d.getString("couponCode"), Money.fromStored(d.get("discount")),
                Money.fromStored(d.get("tax")), Money.fromStored(d.get("total")), d.getString("currency"),
                d.getString("status"), d.getString("orderId"), d.getDate("createdAt").toInstant(),
                d.getDate("expiresAt").toInstant());
    }
}
