package com.autopilotmonster.common.security;

import com.autopilotmonster.common.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Runs after MP JWT has verified a bearer token's signature, issuer, audience and expiry, and refuses it
 * when it was revoked (logout), its user was deactivated, or it was issued before the user's role or password
 * changed (the user's valid-after instant) - on every service, not only on auth; one Redis round trip.
 * When Redis cannot be asked the answer is 503: a revoked token must never pass by default.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class RevokedTokenFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(RevokedTokenFilter.class.getName());

    @Inject
    JsonWebToken jwt;

    @Inject
    TokenStatus tokenStatus;

    @Inject
    @ConfigProperty(name = "mp.jwt.token.header", defaultValue = HttpHeaders.AUTHORIZATION)
    String tokenHeader;

    @Override
    public void filter(ContainerRequestContext request) {
        // most requests carry no token (health probes, public catalog reads): skip resolving the JWT proxy; the
        // header is the one MP JWT reads the token from (Authorization, or Cookie where so configured)
        if (request.getHeaderString(tokenHeader) == null || jwt == null || jwt.getRawToken() == null) {
            return;
        }
        try {
            TokenStatus.Verdict verdict = tokenStatus.check(jwt.getTokenID(), CurrentUser.userIdOf(jwt),
                    jwt.getIssuedAtTime());
            if (verdict.refused()) {
                request.abortWith(Problems.response(401, verdict.slug(), "Unauthorized", verdict.detail(),
                        java.util.List.of(), java.util.Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
            }
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "token status unavailable: {0}", e.getMessage());
            request.abortWith(Problems.response(503, "unavailable", "Service Unavailable",
                    "Token status cannot be checked right now; retry shortly", java.util.List.of(),
                    java.util.Map.of("Retry-After", "5")));
        }
    }
}
