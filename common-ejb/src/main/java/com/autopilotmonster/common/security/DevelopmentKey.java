package com.autopilotmonster.common.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * Recognises the development RSA key pair committed in {@code server-config/shared/keys} by its thumbprint
 * (SHA-256 of the public key's DER encoding), whatever file it was copied to: anyone can sign tokens with it,
 * so outside the local run ({@code platform.local} / {@code PLATFORM_LOCAL} not true) no server may sign or
 * verify with it.
 */
public final class DevelopmentKey {

    /** SHA-256 of {@code dev-jwt-public.pem}'s DER (SubjectPublicKeyInfo), hex. */
    public static final String THUMBPRINT = "fcbf985e2ca77336ffc9b04d11c3da6e3fa4b7fa02f49ea971b8506c5b5f69dc";

    private DevelopmentKey() {
    }

    public static String thumbprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean is(PublicKey key) {
        return key != null && THUMBPRINT.equals(thumbprint(key));
    }

    /**
     * @throws IllegalStateException when {@code key} is the development key and this is not the local run
     */
    public static void refuseOutsideLocalRun(PublicKey key, boolean localRun, String use) {
        if (!localRun && is(key)) {
            throw new IllegalStateException("refusing to start: the committed development RSA key is configured to "
                    + use + " tokens, and anyone can sign tokens with it. Configure your own key (see README "
                    + "\"Security\") or, on a developer machine only, set PLATFORM_LOCAL=true");
        }
    }
}
