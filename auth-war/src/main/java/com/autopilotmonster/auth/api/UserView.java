package com.autopilotmonster.auth.api;

import com.autopilotmonster.auth.domain.User;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * A user as clients see it: the spec's fields ({@code _id} and the spec id {@code userId}), never the password
 * hash, plus the aliases the original web client's pages read ({@code id}, {@code name}).
 */
@JsonbPropertyOrder({"id", "userId", "aliasId", "email", "firstName", "lastName", "name", "role", "emailVerified",
        "active", "createdAt", "updatedAt"})
public record UserView(@JsonbProperty("_id") String id, String userId, @JsonbProperty("id") String aliasId,
                       String email, String firstName, String lastName, String name, String role,
                       @JsonbProperty("isEmailVerified") boolean emailVerified,
                       @JsonbProperty("isActive") boolean active, Instant createdAt, Instant updatedAt) {

    public static UserView of(User user) {
        String name = ((user.firstName() == null ? "" : user.firstName()) + " "
                + (user.lastName() == null ? "" : user.lastName())).strip();
        return new UserView(user.id(), user.id(), user.id(), user.email(), user.firstName(), user.lastName(), name,
                user.role().value(), user.emailVerified(), user.active(), user.createdAt(), user.updatedAt());
    }
}
