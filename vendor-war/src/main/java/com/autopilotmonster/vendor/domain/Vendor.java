package com.autopilotmonster.vendor.domain;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A vendor record (collection {@code vendors}, {@code _id} = {@code vendorId} = the vendor user's id, the id the
 * marketplace already stores on the vendor's products). Payout details are a Stripe Connect account id or a
 * bank reference - never card data.
 * {@code description} and {@code avatar} are always present (the original web client's VendorProfile requires
 * them): "" for no description, the configured placeholder ({@code vendor.default-avatar}, else "") for no avatar.
 */
@JsonbPropertyOrder({"_id", "vendorId", "userId", "name", "description", "email", "phone", "website", "address",
        "avatar", "verified", "status", "statusReason", "productsCount", "totalRevenue", "averageRating", "joinDate", "payout",
        "createdAt", "updatedAt"})
public record Vendor(String _id, String vendorId, String userId, String name, String description, String email,
                     String phone, String website, String address, String avatar, boolean verified, String status, String statusReason,
                     long productsCount, BigDecimal totalRevenue, double averageRating, Instant joinDate,
                     PayoutDetails payout, Instant createdAt, Instant updatedAt) {

    public static final String COLLECTION = "vendors";

    /** Where payouts go: a Stripe Connect account ({@code acct_...}) or a bank reference for manual transfers. */
    public record PayoutDetails(String stripeAccountId, String bankReference) {

        static PayoutDetails of(Document d) {
            return d == null ? null : new PayoutDetails(d.getString("stripeAccountId"), d.getString("bankReference"));
        }
    }

    public static Vendor of(Document d) {
        return of(d, "");
    }

    public static Vendor of(Document d, String defaultAvatar) {
        String avatar = d.getString("avatar");
        String description = d.getString("description");
        Number revenue = (Number) d.get("totalRevenueCents");
        Number rating = (Number) d.get("averageRating");
        Number products = (Number) d.get("productsCount");
        return new Vendor(d.getString("_id"), d.getString("vendorId"), d.getString("userId"), d.getString("name"),
                description == null ? "" : description, d.getString("email"), d.getString("phone"),
                d.getString("website"), d.getString("address"), avatar == null ? defaultAvatar : avatar, Boolean.TRUE.equals(d.getBoolean("verified")), d.getString("status"),
                d.getString("statusReason"), products == null ? 0 : products.longValue(),
                Money.amount(revenue == null ? 0 : revenue.longValue()), rating == null ? 0 : rating.doubleValue(),
                instant(d.get("joinDate")), PayoutDetails.of(d.get("payout", Document.class)), instant(d.get("createdAt")),
                instant(d.get("updatedAt")));
    }

    static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }

    public boolean isActive() {
        return VendorStatus.ACTIVE.equals(status);
    }
}
