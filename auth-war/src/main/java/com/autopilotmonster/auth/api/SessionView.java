package com.autopilotmonster.auth.api;

import com.autopilotmonster.auth.domain.AuthService;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** {@code data} of every answer that signs someone in: {user, accessToken, refreshToken}. */
@JsonbPropertyOrder({"user", "accessToken", "refreshToken", "tokenType", "expiresIn"})
public record SessionView(UserView user, String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static SessionView of(AuthService.Session session, long expiresInSeconds) {
        return new SessionView(UserView.of(session.user()), session.accessToken(), session.refreshToken(), "Bearer",
                expiresInSeconds);
    }
}
