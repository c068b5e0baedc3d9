package com.autopilotmonster.auth.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** {@code user.logged-in}, the spec's payload. */
@JsonbPropertyOrder({"userId", "email", "timestamp"})
public record UserLoggedIn(String userId, String email, String timestamp) {

    public static final String TOPIC = "user.logged-in";
}
