package com.autopilotmonster.vendor.domain;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** {@code vendor.created|approved|rejected|suspended|reactivated}: the marketplace keeps vendor status from these. */
@JsonbPropertyOrder({"vendorId", "userId", "name", "status", "reason", "timestamp"})
public record VendorEvent(String vendorId, String userId, String name, String status, String reason, String timestamp) {

    public static final String CREATED = "vendor.created";
}
