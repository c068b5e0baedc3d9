package com.autopilotmonster.auth.api;

import com.autopilotmonster.auth.domain.AuthService;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code data} of every answer that signs someone in: {user, accessToken, refreshToken}, and {@code access_token},
 * the name the original web client's shipped pages read the token under.
 */
@JsonbPropertyOrder({"user", "accessToken", "refreshToken", "accessTokenAlias", "tokenType", "expiresIn"})
public record SessionView(UserView user, String accessToken, String refreshToken,
                          @JsonbProperty("access_token") String accessTokenAlias, String tokenType, long expiresIn) {

    static SessionView of(AuthService.Session session, long expiresInSeconds) {
        return new SessionView(UserView.of(session.user()), session.accessToken(), session.refreshToken(),
                session.accessToken(), "Bearer", expiresInSeconds);
    }
}
