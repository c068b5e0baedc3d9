package com.autopilotmonster.vendor.domain;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import org.bson.Document;

/**
 * A payout ({@code payouts}): {@code requested -> approved -> paid | rejected}; a rejected or failed payout has
 * returned its amount to the available balance.
 */
@JsonbPropertyOrder({"_id", "payoutId", "vendorId", "amount", "currency", "status", "method", "destination",
        "transferId", "reason", "requestedAt", "approvedAt", "paidAt", "rejectedAt", "updatedAt"})
public record Payout(String _id, String payoutId, String vendorId, BigDecimal amount, String currency, String status,
                     String method, String destination, String transferId, String reason, Instant requestedAt,
                     Instant approvedAt, Instant paidAt, Instant rejectedAt, Instant updatedAt) {

    public static final String COLLECTION = "payouts";
    public static final String REQUESTING = "requesting";
    public static final String REQUESTED = "requested";
    public static final String APPROVED = "approved";
    public static final String PAYING = "paying";
    public static final String PAID = "paid";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";

    public static Payout of(Document d) {
        return new Payout(d.getString("_id"), d.getString("_id"), d.getString("vendorId"),
                Money.amount(LedgerEntry.cents(d, "amountCents")), d.getString("currency"), d.getString("status"),
                d.getString("method"), d.getString("destination"), d.getString("transferId"), d.getString("reason"),
                Vendor.instant(d.get("requestedAt")), Vendor.instant(d.get("approvedAt")), Vendor.instant(d.get("paidAt")),
                Vendor.instant(d.get("rejectedAt")), Vendor.instant(d.get("updatedAt")));
    }
}
