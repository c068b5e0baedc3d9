package com.autopilotmonster.auth.domain;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * bcrypt, as the spec's Node service (bcryptjs) wrote it, so its {@code $2a$}/{@code $2b$} hashes verify.
 * Like bcryptjs, only the first 72 bytes count. Hashes below the configured cost are upgraded on the next
 * successful login.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final BCrypt.Hasher HASHER = BCrypt.with(BCrypt.Version.VERSION_2B,
            LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2B));
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(null,
            LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2B));

    @Inject
    @ConfigProperty(name = "auth.bcrypt.cost", defaultValue = "12")
    int cost;

    /** A real hash of a random secret: unknown emails cost the same bcrypt work as known ones. */
    private String dummyHash;

    @PostConstruct
    void init() {
        dummyHash = hash(UUID.randomUUID().toString());
    }

    public String hash(String password) {
        return HASHER.hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$2")) {
            return false;
        }
        try {
            return VERIFYER.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                    .verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of a real check when there is no account, so timing does not reveal accounts. */
    public void burnEquivalentTime(String password) {
        matches(password, dummyHash);
    }

    public boolean needsRehash(String hash) {
        try {
            return hash == null || Integer.parseInt(hash.substring(4, 6)) < cost;
        } catch (RuntimeException e) {
            return true;
        }
    }
}
