package com.autopilotmonster.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Mints access tokens the way the auth service does (RS256, dev key, issuer and audience of the
 * platform), plus the forgeries every service must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "https://autopilot.monster/auth";
    public static final String AUDIENCE = "autopilot-monster";

    private TestTokens() {
    }

    public static String user(String userId) {
        return token(userId, userId + "@example.test", "user");
    }

    public static String vendor(String userId) {
        return token(userId, userId + "@example.test", "vendor");
    }

    public static String admin(String userId) {
        return token(userId, userId + "@example.test", "admin");
    }

    public static String token(String userId, String email, String role) {
        return sign(claims(userId, email, role, ISSUER, AUDIENCE, Instant.now().plusSeconds(3600)));
    }

    /** A token that also carries the display name auth puts in its tokens ({@code name} claim). */
    public static String named(String userId, String role, String name) {
        JwtClaims claims = claims(userId, userId + "@example.test", role, ISSUER, AUDIENCE, Instant.now().plusSeconds(3600));
        claims.setClaim("name", name);
        return sign(claims);
    }

    public static String expired(String userId) {
        JwtClaims claims = claims(userId, userId + "@example.test", "user", ISSUER, AUDIENCE,
                Instant.now().minusSeconds(600));
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().minusSeconds(4200).getEpochSecond()));
        return sign(claims);
    }

    public static String wrongIssuer(String userId) {
        return sign(claims(userId, userId + "@example.test", "user", "https://evil.example", AUDIENCE,
                Instant.now().plusSeconds(3600)));
    }

    public static String wrongAudience(String userId) {
        return sign(claims(userId, userId + "@example.test", "user", ISSUER, "someone-else",
                Instant.now().plusSeconds(3600)));
    }

    /** {@code alg: none}: an unsigned token claiming to be an admin. */
    public static String unsignedAdmin(String userId) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(userId, "x@example.test", "admin", ISSUER, AUDIENCE, Instant.now().plusSeconds(3600))
                .toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 keyed with the bytes of the PUBLIC key: the classic RS/HS confusion attack. */
    public static String hs256WithPublicKey(String userId) {
        try {
            byte[] publicKeyPem = Files.readAllBytes(keyDir().resolve("dev-jwt-public.pem"));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims(userId, "x@example.test", "admin", ISSUER, AUDIENCE, Instant.now().plusSeconds(3600))
                    .toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            jws.setKey(new HmacKey(publicKeyPem));
            jws.setDoKeyValidation(false);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was edited afterwards (role user -> admin). */
    public static String tampered(String userId) {
        String[] parts = user(userId).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"user\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "."
                + parts[2];
    }

    static JwtClaims claims(String userId, String email, String role, String issuer, String audience, Instant exp) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(userId);
        claims.setClaim("userId", userId);
        claims.setClaim("email", email);
        claims.setClaim("role", role);
        claims.setClaim("upn", email);
        claims.setStringListClaim("groups", List.of(role));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(exp.getEpochSecond()));
        return claims;
    }

    static String sign(JwtClaims claims) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(privateKey());
            jws.setKeyIdHeaderValue("dev-1");
            jws.setHeader("typ", "JWT");
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign test token", e);
        }
    }

    private static PrivateKey privateKey() throws Exception {
        String pem = Files.readString(keyDir().resolve("dev-jwt-private.pem"));
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static Path keyDir() {
        return RepoPaths.root().resolve("server-config/shared/keys");
    }
}
