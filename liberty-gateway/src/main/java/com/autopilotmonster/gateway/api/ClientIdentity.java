package com.autopilotmonster.gateway.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.autopilotmonster.common.security.PemKeys;
import com.autopilotmonster.common.web.ClientAddresses;
import com.autopilotmonster.common.web.TrustedNetworks;
import java.util.Collections;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.jwk.HttpsJwks;

/**
 * Whom a request counts against: the user of a valid bearer token (verified like the services verify it:
 * RS256, issuer, audience, expiry), otherwise the client address: resolved once per request from the socket
 * peer and X-Forwarded-For, walked from the right past the trusted proxies only ({@code gateway.trusted-proxies},
 * addresses and CIDR networks, e.g. the load balancers in front of the gateway). A client-sent
 * {@value ClientAddresses#HEADER} is never read here: the proxy overwrites it with this answer.
 */
@ApplicationScoped
public class ClientIdentity {

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String keyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;

    @Inject
    @ConfigProperty(name = "gateway.trusted-proxies", defaultValue = "127.0.0.0/8,::1")
    List<String> trustedProxies;

    private JwtConsumer verifier;
    private TrustedNetworks proxies;

    @PostConstruct
    void init() {
        proxies = TrustedNetworks.of(trustedProxies);
        JwtConsumerBuilder builder = new JwtConsumerBuilder().setExpectedIssuer(issuer)
                .setExpectedAudience(audience.split(",")).setRequireExpirationTime().setAllowedClockSkewInSeconds(30)
                .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, "RS256");
        if (keyLocation.startsWith("http://") || keyLocation.startsWith("https://")) {
            builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(keyLocation)));
        } else {
            builder.setVerificationKey(PemKeys.publicKey(keyLocation));
        }
        verifier = builder.build();
    }

    /** A request's bearer token: absent, valid (with its claims) or not: merely expired, or forged/foreign. */
    public record Bearer(boolean present, JwtClaims claims, boolean expired) {
        static final Bearer NONE = new Bearer(false, null, false);

        public boolean valid() {
            return claims != null;
        }
    }

    private static final String BEARER_ATTRIBUTE = ClientIdentity.class.getName() + ".bearer";
    private static final String ADDRESS_ATTRIBUTE = ClientIdentity.class.getName() + ".address";

    public String of(HttpServletRequest request) {
        Bearer bearer = bearer(request);
        if (bearer.valid()) {
            try {
                return "user:" + bearer.claims().getSubject();
            } catch (Exception e) {
                // no readable subject: counted by address
            }
        }
        // no valid token: counted by address (the edge check or the service refuses a bad one)
        return byAddress(request);
    }

    /** The counter key of the client address, whatever token the request carries. */
    public String byAddress(HttpServletRequest request) {
        return "addr:" + address(request);
    }

    /** Verifies the request's bearer token once per request (rate limiting and the edge check both ask). */
    public Bearer bearer(HttpServletRequest request) {
        if (request.getAttribute(BEARER_ATTRIBUTE) instanceof Bearer cached) {
            return cached;
        }
        Bearer bearer = Bearer.NONE;
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                bearer = new Bearer(true, verifier.processToClaims(authorization.substring(7).trim()), false);
            } catch (InvalidJwtException e) {
                // expired and nothing else wrong: genuinely ours, only old
                boolean onlyExpired = !e.getErrorDetails().isEmpty() && e.getErrorDetails().stream()
                        .allMatch(detail -> detail.getErrorCode() == ErrorCodes.EXPIRED);
                bearer = new Bearer(true, null, onlyExpired);
            } catch (Exception e) {
                bearer = new Bearer(true, null, false);
            }
        }
        request.setAttribute(BEARER_ATTRIBUTE, bearer);
        return bearer;
    }

    /** The client address, resolved once per request (the rate limit and the forwarded header agree). */
    public String address(HttpServletRequest request) {
        if (request.getAttribute(ADDRESS_ATTRIBUTE) instanceof String cached) {
            return cached;
        }
        String address = ClientAddresses.forwarded(request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")), proxies);
        request.setAttribute(ADDRESS_ATTRIBUTE, address);
        return address;
    }
}
