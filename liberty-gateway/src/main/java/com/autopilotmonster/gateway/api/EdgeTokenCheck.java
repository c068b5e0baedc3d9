package com.autopilotmonster.gateway.api;

import com.autopilotmonster.common.problem.Problems;
import com.autopilotmonster.common.security.TokenStatus;
import com.autopilotmonster.common.web.ServletProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A first line of defence ({@code gateway.edge-auth.enabled}, default on): a request whose bearer token is
 * forged or foreign (bad or missing signature, wrong algorithm, issuer or audience, not a JWT) or is on the
 * shared Redis deny-list (revoked at logout, user deactivated, issued before the user's role or password
 * changed) is answered 401 at the edge and never reaches a
 * service. Requests without a token, and with a genuine but expired one, pass: the services decide what is
 * public, and they still verify every token themselves. When Redis cannot
 * be asked, the deny-list part is skipped (the service's own check answers then) rather than refusing everyone.
 */
@ApplicationScoped
public class EdgeTokenCheck {

    private static final Logger LOG = Logger.getLogger(EdgeTokenCheck.class.getName());
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"");

    @Inject
    ClientIdentity clients;

    @Inject
    TokenStatus tokenStatus;

    @Inject
    @ConfigProperty(name = "gateway.edge-auth.enabled", defaultValue = "true")
    boolean enabled;

    /** @return true when the request was refused (the 401 is written) */
    public boolean refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!enabled) {
            return false;
        }
        ClientIdentity.Bearer bearer = clients.bearer(request);
        if (!bearer.present()) {
            return false;
        }
        if (bearer.expired()) {
            // properly signed, only old: the service decides (clients send a stale token along with the refresh
            // call and with public reads, which the services answer; protected endpoints refuse it themselves)
            return false;
        }
        if (!bearer.valid()) {
            return write(response, "invalid-token", "The bearer token is not valid");
        }
        try {
            JwtClaims claims = bearer.claims();
            Object userId = claims.getClaimValue("userId");
            long issuedAt = claims.getIssuedAt() == null ? 0 : claims.getIssuedAt().getValue();
            // revoked, deactivated, or issued before a role change / password reset: one Redis round trip
            TokenStatus.Verdict verdict = tokenStatus.check(claims.getJwtId(),
                    userId != null ? userId.toString() : claims.getSubject(), issuedAt);
            if (verdict.refused()) {
                return write(response, verdict.slug(), verdict.detail());
            }
        } catch (JedisException e) {
            LOG.log(Level.FINE, "deny-list not checked at the edge: {0}", e.getMessage());
        } catch (Exception e) {
            return write(response, "invalid-token", "The bearer token is not valid");
        }
        return false;
    }

    private static boolean write(HttpServletResponse response, String slug, String detail) throws IOException {
        ServletProblems.write(response, Problems.response(401, slug, "Unauthorized", detail, List.of(), CHALLENGE));
        return true;
    }
}
