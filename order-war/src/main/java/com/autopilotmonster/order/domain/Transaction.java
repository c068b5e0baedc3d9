package com.autopilotmonster.order.domain;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * One line of the transaction log: a payment step or a provider webhook, with what it did. {@code kind}:
 * {@code payment.create}, {@code webhook}, {@code sandbox}; {@code outcome}: e.g. {@code created},
 * {@code provider-unavailable}, {@code applied}, {@code duplicate}, {@code refused}, {@code flagged},
 * {@code ignored}, {@code unmatched}.
 */
@JsonbPropertyOrder({"id", "orderId", "userId", "provider", "kind", "eventId", "eventType", "providerRef", "amount",
        "currency", "outcome", "detail", "createdAt"})
public record Transaction(@JsonbProperty("_id") String id, String orderId, String userId, String provider, String kind,
                          String eventId, String eventType, String providerRef, BigDecimal amount, String currency,
                          String outcome, String detail, Instant createdAt) {

    public static final String COLLECTION = "transactions";

    Document toDocument() {
        return new Document("_id", new ObjectId()).append("orderId", orderId).append("userId", userId)
                .append("provider", provider).append("kind", kind).append("eventId", eventId)
                .append("eventType", eventType).append("providerRef", providerRef)
                .append("amount", amount == null ? null : Money.toStored(amount)).append("currency", currency)
                .append("outcome", outcome).append("detail", detail).append("createdAt", Date.from(createdAt));
    }

    static Transaction from(Document d) {
        Object amount = d.get("amount");
        return new Transaction(d.getObjectId("_id").toHexString(), d.getString("orderId"), d.getString("userId"),
                d.getString("provider"), d.getString("kind"), d.getString("eventId"), d.getString("eventType"),
                d.getString("providerRef"), amount == null ? null : Money.fromStored(amount), d.getString("currency"),
                d.getString("outcome"), d.getString("detail"), d.getDate("createdAt").toInstant());
    }
}
