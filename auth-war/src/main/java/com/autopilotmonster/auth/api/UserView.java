package com.autopilotmonster.auth.api;

import com.autopilotmonster.auth.domain.User;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A user as clients see it: the spec's fields, never the password hash. */
@JsonbPropertyOrder({"id", "email", "firstName", "lastName", "role", "emailVerified", "active", "createdAt",
        "updatedAt"})
public record UserView(@JsonbProperty("_id") String id, String email, String firstName, String lastName, String role,
                       @JsonbProperty("isEmailVerified") boolean emailVerified,
                       @JsonbProperty("isActive") boolean active, Instant createdAt, Instant updatedAt) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.firstName(), user.lastName(), user.role().value(),
                user.emailVerified(), user.active(), user.createdAt(), user.updatedAt());
    }
}
