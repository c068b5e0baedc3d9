package com.autopilotmonster.marketplace.domain;

import java.util.Set;

/** The spec's product states: only {@code active} products are public; vendors work in draft/pending. */
public final class ProductStatus {

    public static final String ACTIVE = "active";
    public static final String PENDING = "pending";
    public static final String REJECTED = "rejected";
    public static final String DRAFT = "draft";

    public static final Set<String> ALL = Set.of(ACTIVE, PENDING, REJECTED, DRAFT);
    /** What a vendor may set on its own product: withdraw to draft or (re)submit for moderation. */
    public static final Set<String> VENDOR_SETTABLE = Set.of(DRAFT, PENDING);

    private ProductStatus() {
    }
}
