package com.autopilotmonster.auth.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** {@code user.registered}, the spec's payload. */
@JsonbPropertyOrder({"userId", "email", "firstName", "timestamp"})
public record UserRegistered(String userId, String email, String firstName, String timestamp) {

    public static final String TOPIC = "user.registered";
}
