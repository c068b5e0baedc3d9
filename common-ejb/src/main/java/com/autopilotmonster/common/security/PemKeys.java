package com.autopilotmonster.common.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** RSA keys from PEM files (PKCS#8 private, X.509 public); a {@code file:} prefix is accepted. */
public final class PemKeys {

    private PemKeys() {
    }

    public static PrivateKey privateKey(String location) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(location)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the RSA private key " + location, e);
        }
    }

    public static PublicKey publicKey(String location) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(location)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the RSA public key " + location, e);
        }
    }

    /** A public key given as PEM text (e.g. MP JWT's inline {@code mp.jwt.verify.publickey}). */
    public static PublicKey publicKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the RSA public key", e);
        }
    }

    private static byte[] der(String location) throws java.io.IOException {
        return decode(Files.readString(Path.of(location.trim().replaceFirst("^file:", ""))));
    }

    private static byte[] decode(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
