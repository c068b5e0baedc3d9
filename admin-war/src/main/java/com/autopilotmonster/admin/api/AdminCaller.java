package com.autopilotmonster.admin.api;

import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.common.web.RequestContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The calling admin: who (for the audit log and the self-checks) and the token passed on to the owning services. */
@RequestScoped
public class AdminCaller {

    @Inject
    CurrentUser currentUser;

    @Inject
    JsonWebToken jwt;

    public String id() {
        return currentUser.id();
    }

    public String email() {
        return currentUser.email();
    }

    /** The caller's own token: the owners check it and apply their own rules. */
    public String bearer() {
        return "Bearer " + jwt.getRawToken();
    }

    public String requestId() {
        return RequestContext.requestId();
    }

    /** The token and request id, captured on the request thread for calls that may run elsewhere (fault tolerance). */
    public Headers headers() {
        return new Headers(bearer(), requestId());
    }

    public record Headers(String bearer, String requestId) {
    }
}
