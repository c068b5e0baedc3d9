package com.autopilotmonster.common.security;

import com.autopilotmonster.common.problem.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified token: the ownership checks of every service start here. */
@RequestScoped
public class CurrentUser {

    public static final String ADMIN = "admin";
    public static final String VENDOR = "vendor";
    public static final String USER = "user";

    @Inject
    JsonWebToken jwt;

    public boolean isAuthenticated() {
        return jwt != null && jwt.getRawToken() != null;
    }

    public String id() {
        if (!isAuthenticated()) {
            throw ApiException.unauthorized("A valid bearer token is required");
        }
        return userIdOf(jwt);
    }

    public String email() {
        return isAuthenticated() ? jwt.getClaim("email") : null;
    }

    /** The display name auth put in the token ({@code name}: first and last name), or null. */
    public String name() {
        Object name = isAuthenticated() ? jwt.getClaim("name") : null;
        return name == null ? null : name.toString();
    }

    public String role() {
        Object role = isAuthenticated() ? jwt.getClaim("role") : null;
        return role == null ? null : role.toString();
    }

    public boolean isAdmin() {
        return isAuthenticated() && jwt.getGroups() != null && jwt.getGroups().contains(ADMIN);
    }

    public boolean isVendor() {
        return isAuthenticated() && jwt.getGroups() != null && jwt.getGroups().contains(VENDOR);
    }

    /** Owner or admin may proceed; anyone else is told the thing does not exist (no existence leak). */
    public void requireOwnerOrAdmin(String ownerId, String what) {
        if (!isAdmin() && !id().equals(ownerId)) {
            throw ApiException.notFound(what + " not found");
        }
    }

    static String userIdOf(JsonWebToken token) {
        Object userId = token.getClaim("userId");
        return userId != null ? userId.toString() : token.getSubject();
    }
}
