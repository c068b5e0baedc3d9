package com.autopilotmonster.auth.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code user.registered}: the spec's payload ({@code userId, email, firstName, timestamp}) plus {@code lastName}
 * (the user service's default profile) and {@code role} (the admin service's read model).
 */
@JsonbPropertyOrder({"userId", "email", "firstName", "lastName", "role", "timestamp"})
public record UserRegistered(String userId, String email, String firstName, String lastName, String role,
                             String timestamp) {

    public static final String TOPIC = "user.registered";
}
