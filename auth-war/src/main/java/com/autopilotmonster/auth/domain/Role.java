package com.autopilotmonster.auth.domain;

import java.util.Locale;

/** The spec's three roles; the value is what the documents and tokens carry. */
public enum Role {
    USER, VENDOR, ADMIN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Unknown stored values fall back to the least privileged role. */
    public static Role of(String value) {
        if (value == null) {
            return USER;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "admin" -> ADMIN;
            case "vendor" -> VENDOR;
            default -> USER;
        };
    }
}
