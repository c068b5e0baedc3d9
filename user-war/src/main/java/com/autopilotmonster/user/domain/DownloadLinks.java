package com.autopilotmonster.user.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed download links: {@code base64url(purchaseId.userId.expiresEpochSeconds)} + {@code .} +
 * {@code base64url(HMAC-SHA256(secret, payload))}. The link itself is the credential (a browser follows it
 * without the bearer token), so it names exactly one purchase and its buyer, and stops working after
 * {@code user.download.link-minutes}. Verification compares MACs in constant time.
 */
@ApplicationScoped
public class DownloadLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Inject
    UserSettings settings;

    public record Claim(String purchaseId, String userId, Instant expiresAt) {
    }

    public record Link(String token, Instant expiresAt) {
    }

    public Link sign(String purchaseId, String userId, Instant now) {
        Instant expires = now.plus(settings.linkLifetime());
        String payload = purchaseId + "." + userId + "." + expires.getEpochSecond();
        String body = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return new Link(body + "." + ENCODER.encodeToString(mac(body)), expires);
    }

    /** The claim of a genuine, unexpired link; empty for anything else (malformed, forged, expired). */
    public Optional<Claim> verify(String token, Instant now) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        byte[] given;
        String payload;
        try {
            given = DECODER.decode(token.substring(dot + 1));
            payload = new String(DECODER.decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(body), given)) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!now.isBefore(expires)) {
            return Optional.empty();
        }
        return Optional.of(new Claim(parts[0], parts[1], expires));
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.downloadSecret(), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
