package com.autopilotmonster.vendor.domain;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import org.bson.Document;

/**
 * One ledger line ({@code ledger_entries}): a {@code sale} credits the vendor's net share of one sold product
 * line; a {@code refund} debits it. Traceable to the order and the event that caused it.
 * States: {@code pending} (held until {@code availableAt}), {@code available} (counted in the balance),
 * {@code reversed} (a sale refunded while still pending, and its refund: neither ever reached the balance).
 */
@JsonbPropertyOrder({"entryId", "vendorId", "type", "state", "currency", "gross", "commission", "commissionRate", "net",
        "orderId", "eventId", "productId", "productName", "unitPrice", "quantity", "refundOf", "availableAt", "createdAt"})
public record LedgerEntry(String entryId, String vendorId, String type, String state, String currency, BigDecimal gross,
                          BigDecimal commission, String commissionRate, BigDecimal net, String orderId, String eventId,
                          String productId, String productName, String unitPrice, int quantity, String refundOf,
                          Instant availableAt, Instant createdAt) {

    public static final String COLLECTION = "ledger_entries";
    public static final String SALE = "sale";
    public static final String REFUND = "refund";
    public static final String PENDING = "pending";
    public static final String AVAILABLE = "available";
    public static final String REVERSED = "reversed";

    public static LedgerEntry of(Document d) {
        return new LedgerEntry(d.getString("_id"), d.getString("vendorId"), d.getString("type"), d.getString("state"),
                d.getString("currency"), Money.amount(cents(d, "grossCents")), Money.amount(cents(d, "commissionCents")),
                d.getString("commissionRate"), Money.amount(cents(d, "netCents")), d.getString("orderId"),
                d.getString("eventId"), d.getString("productId"), d.getString("productName"), d.getString("unitPrice"),
                d.getInteger("quantity", 0), d.getString("refundOf"), Vendor.instant(d.get("availableAt")),
                Vendor.instant(d.get("createdAt")));
    }

    static long cents(Document d, String field) {
        Number n = (Number) d.get(field);
        return n == null ? 0 : n.longValue();
    }
}
