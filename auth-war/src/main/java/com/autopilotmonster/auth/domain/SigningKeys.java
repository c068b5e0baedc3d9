package com.autopilotmonster.auth.domain;

import com.autopilotmonster.common.security.DevelopmentKey;
import com.autopilotmonster.common.security.PemKeys;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The RSA key that signs access tokens ({@code auth.jwt.private-key.location}, PKCS#8 PEM) and the public
 * keys published on the JWKS endpoint: the current one plus retired ones still verifying unexpired tokens
 * ({@code auth.jwt.previous-public-keys}, comma-separated PEM files) - that is how keys rotate.
 */
@ApplicationScoped
public class SigningKeys {

    @Inject
    @ConfigProperty(name = "auth.jwt.private-key.location")
    String privateKeyLocation;

    @Inject
    @ConfigProperty(name = "auth.jwt.previous-public-keys")
    Optional<List<String>> previousPublicKeys;

    @Inject
    @ConfigProperty(name = "platform.local", defaultValue = "false")
    boolean local;

    private RsaJsonWebKey current;
    private final List<RsaJsonWebKey> published = new ArrayList<>();
    /** The keys never change while the application runs: the document is written once, not per request. */
    private String jwksJson;

    /** Loads the key at start-up, so a missing or refused key stops the application, not its first login. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        keyId();
    }

    @PostConstruct
    void load() {
        try {
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) PemKeys.privateKey(privateKeyLocation);
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            // the committed development key signs nothing outside the local run (README "Security")
            DevelopmentKey.refuseOutsideLocalRun(publicKey, local, "sign");
            current = describe(publicKey);
            current.setPrivateKey(privateKey);
            published.add(current);
            for (String location : previousPublicKeys.orElse(List.of())) {
                RSAPublicKey previous = (RSAPublicKey) PemKeys.publicKey(location);
                DevelopmentKey.refuseOutsideLocalRun(previous, local, "verify");
                published.add(describe(previous));
            }
            jwksJson = new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the token signing key from " + privateKeyLocation, e);
        }
    }

    private static RsaJsonWebKey describe(RSAPublicKey key) throws org.jose4j.lang.JoseException {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return jwk;
    }

    PrivateKey signingKey() {
        return current.getPrivateKey();
    }

    String keyId() {
        return current.getKeyId();
    }

    /** The JWKS document (JSON): public parts only. */
    public String jwks() {
        return jwksJson;
    }
}
