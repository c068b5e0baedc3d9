package com.autopilotmonster.vendor.domain;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/** {@code payout.requested|approved|paid|rejected}. */
@JsonbPropertyOrder({"payoutId", "vendorId", "amount", "currency", "status", "reason", "timestamp"})
public record PayoutEvent(String payoutId, String vendorId, BigDecimal amount, String currency, String status,
                          String reason, String timestamp) {
}
