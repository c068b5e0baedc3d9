package com.autopilotmonster.user.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/users/profile}: every field optional (absent = unchanged, {@code ""} = cleared). Anything
 * not named here - {@code userId}, {@code email} (auth owns it), {@code _id}, counts - is ignored. A value of
 * the wrong type (an operator object such as {@code {"$gt":""}} in a text field) is a 400.
 */
public final class ProfileRequests {

    static final String URL = "^$|^https?://[^\\s<>\"]+$";
    static final String URL_MESSAGE = "must be an http(s) URL";

    private ProfileRequests() {
    }

    public record Update(
            @Size(max = 100) String displayName,
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String avatar,
            @Size(max = 2000) String bio,
            @Size(max = 200) String company,
            @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String website,
            @Size(max = 200) String location,
            @Size(max = 32) @Pattern(regexp = "^$|^\\+?[0-9 ()-]{4,31}$", message = "must be a phone number") String phone,
            @Size(max = 64) String timezone,
            @Valid Preferences preferences,
            @Valid Social social) {
    }

    public record Preferences(
            Boolean newsletter,
            Boolean notifications,
            Boolean marketing,
            @Size(max = 10) @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z]{2,4})?$", message = "must be a language tag such as en or pt-BR") String language,
            @Size(max = 64) String timezone,
            @Pattern(regexp = "^(light|dark|auto)$", message = "must be light, dark or auto") String theme) {
    }

    public record Social(
            @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String twitter,
            @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String linkedin,
            @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String github,
            @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String website) {
    }
}
