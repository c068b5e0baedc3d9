package com.autopilotmonster.auth.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code user.updated}: the account's names changed here (PUT /api/auth/profile). {@code timestamp} is the
 * moment of that change - the names' version, which consumers compare so that an older change never
 * overwrites a newer one. Names applied from another service's event are not republished (no ping-pong).
 */
@JsonbPropertyOrder({"userId", "firstName", "lastName", "timestamp"})
public record UserUpdated(String userId, String firstName, String lastName, String timestamp) {

    public static final String TOPIC = "user.updated";
}
