package com.autopilotmonster.vendor.domain;

import java.util.Map;
import java.util.Set;

/**
 * The vendor state machine: a new record is {@code pending}; an admin approves ({@code active}) or rejects it;
 * an active vendor can be suspended and reactivated. Every other move is refused (409).
 */
public final class VendorStatus {

    public static final String PENDING = "pending";
    public static final String ACTIVE = "active";
    public static final String REJECTED = "rejected";
    public static final String SUSPENDED = "suspended";

    public static final Set<String> ALL = Set.of(PENDING, ACTIVE, REJECTED, SUSPENDED);

    /** action -> (from, to) */
    public record Move(String from, String to, String topic) {
    }

    public static final Map<String, Move> ACTIONS = Map.of(
            "approve", new Move(PENDING, ACTIVE, "vendor.approved"),
            "reject", new Move(PENDING, REJECTED, "vendor.rejected"),
            "suspend", new Move(ACTIVE, SUSPENDED, "vendor.suspended"),
            "reactivate", new Move(SUSPENDED, ACTIVE, "vendor.reactivated"));

    private VendorStatus() {
    }
}
