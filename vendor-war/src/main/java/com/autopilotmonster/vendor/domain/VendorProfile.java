package com.autopilotmonster.vendor.domain;

/** What a vendor may set on its own record (null = unchanged). */
public record VendorProfile(String name, String description, String email, String phone, String website, String address, String avatar,
                            String stripeAccountId, String bankReference) {
}
