package com.autopilotmonster.auth.domain;

import com.autopilotmonster.common.security.TokenStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Issues RS256 access tokens with the spec's claims ({@code userId}, {@code email}, {@code role}) plus what
 * every service's MicroProfile JWT verification needs ({@code sub}, {@code upn}, {@code groups}, {@code iss},
 * {@code aud}, {@code jti}, {@code iat}, {@code exp}).
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    SigningKeys keys;

    @Inject
    TokenStatus tokenStatus;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;

    @Inject
    @ConfigProperty(name = "auth.jwt.access-ttl", defaultValue = "PT1H")
    Duration ttl;

    public Duration ttl() {
        return ttl;
    }

    public String issue(User user) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience.split(",")[0].trim());
        claims.setSubject(user.id());
        claims.setClaim("userId", user.id());
        claims.setClaim("email", user.email());
        claims.setClaim("upn", user.email());
        claims.setClaim("role", user.role().value());
        // the display name travels with the token so that services can show who wrote or sells something
        // (review authors, vendor names) without asking auth on every request
        String name = displayName(user);
        if (!name.isEmpty()) {
            claims.setClaim("name", name);
        }
        claims.setStringListClaim("groups", List.of(user.role().value()));
        claims.setJwtId(UUID.randomUUID().toString());
        // a token issued in the same second as a role change or password reset must not fall before the user's
        // valid-after instant (iat has one-second resolution): stamp it with that second
        NumericDate now = NumericDate.fromSeconds(Math.max(NumericDate.now().getValue(), validAfter(user.id())));
        claims.setIssuedAt(now);
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + ttl.toSeconds()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.signingKey());
        jws.setKeyIdHeaderValue(keys.keyId());
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign access token", e);
        }
    }

    /**
     * Every access token of the user issued until now is refused from now on, by every service and the gateway
     * (common-ejb {@link TokenStatus}): after a role change, a password reset or a deactivation.
     */
    public void invalidateIssuedUntilNow(String userId) {
        // kept as long as such a token could still be presented: its lifetime plus the verifiers' clock skew
        tokenStatus.invalidateTokensIssuedBefore(userId, java.time.Instant.now(), ttl.plusMinutes(5));
    }

    private long validAfter(String userId) {
        try {
            return tokenStatus.validAfter(userId);
        } catch (JedisException e) {
            // Redis down: every service answers 503 for tokens meanwhile anyway; sign in still works
            return 0;
        }
    }

    static String displayName(User user) {
        String first = user.firstName() == null ? "" : user.firstName().strip();
        String last = user.lastName() == null ? "" : user.lastName().strip();
        return (first + " " + last).strip();
    }
}
