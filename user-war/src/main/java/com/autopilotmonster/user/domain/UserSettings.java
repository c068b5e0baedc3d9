package com.autopilotmonster.user.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The user service's business settings (MicroProfile Config; env {@code USER_DOWNLOAD_LIMIT},
 * {@code USER_DOWNLOAD_SECRET}, ...).
 */
@ApplicationScoped
public class UserSettings {

    private static final Logger LOG = Logger.getLogger(UserSettings.class.getName());
    static final String LOCAL_SECRET = "local-only-download-link-secret-change-me";

    /** Downloads allowed per purchase (each delivery through a signed link counts one). */
    @Inject
    @ConfigProperty(name = "user.download.limit", defaultValue = "5")
    int downloadLimit;

    /** HMAC-SHA256 key of the signed download links: set USER_DOWNLOAD_SECRET in production. */
    @Inject
    @ConfigProperty(name = "user.download.secret", defaultValue = LOCAL_SECRET)
    String downloadSecret;

    @Inject
    @ConfigProperty(name = "user.download.link-minutes", defaultValue = "10")
    int linkMinutes;

    /** Prefix of the download links answered to clients: empty = a path relative to the API host (the gateway). */
    @Inject
    @ConfigProperty(name = "user.download.link-base")
    java.util.Optional<String> linkBase;

    @Inject
    @ConfigProperty(name = "user.wishlist.max-items", defaultValue = "200")
    int wishlistMax;

    @Inject
    @ConfigProperty(name = "user.currency", defaultValue = "USD")
    String currency;

    public int downloadLimit() {
        return downloadLimit;
    }

    public byte[] downloadSecret() {
        if (LOCAL_SECRET.equals(downloadSecret)) {
            LOG.fine("user.download.secret is the local default");
        }
        return downloadSecret.getBytes(StandardCharsets.UTF_8);
    }

    public Duration linkLifetime() {
        return Duration.ofMinutes(Math.max(1, linkMinutes));
    }

    public String linkBase() {
        // MicroProfile Config treats an empty value as absent: no base means links relative to the API host
        String base = linkBase.orElse("").strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public int wishlistMax() {
        return wishlistMax;
    }

    public String currency() {
        return currency;
    }
}
