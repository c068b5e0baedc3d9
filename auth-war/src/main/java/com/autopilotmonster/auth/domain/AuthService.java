package com.autopilotmonster.auth.domain;

import com.autopilotmonster.common.mail.Mailer;
import com.autopilotmonster.auth.events.UserLoggedIn;
import com.autopilotmonster.auth.events.UserRegistered;
import com.autopilotmonster.auth.events.UserUpdated;
import com.autopilotmonster.common.events.EventPublisher;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.security.TokenStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;

/** Registration, login, token refresh and logout: the rules, independent of HTTP. */
@ApplicationScoped
public class AuthService {

    /** The same words for an unknown email and a wrong password: the answer reveals no accounts. */
    static final String BAD_CREDENTIALS = "Invalid email or password";
    /** Checked after trimming and lower-casing, as the spec's model stores emails. */
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

    @Inject
    UserStore users;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    AccessTokens accessTokens;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    TokenStatus tokenStatus;

    @Inject
    EventPublisher events;

    @Inject
    EmailTokens emailTokens;

    @Inject
    Mailer mailer;

    @Inject
    LoginThrottle throttle;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "auth.verify-link-base",
            defaultValue = "http://localhost:4000/api/auth/verify/")
    String verifyLinkBase;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "auth.reset-link-base",
            defaultValue = "http://localhost:3000/reset-password?token=")
    String resetLinkBase;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "auth.verify-ttl", defaultValue = "P2D")
    java.time.Duration verifyTtl;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "auth.reset-ttl", defaultValue = "PT1H")
    java.time.Duration resetTtl;

    /** A signed-in session: the user and a fresh token pair. */
    public record Session(User user, String accessToken, String refreshToken) {
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public Session register(String email, String password, String firstName, String lastName, Role role) {
        if (role == Role.ADMIN) {
            throw ApiException.forbidden("The admin role cannot be requested at registration");
        }
        String normalized = normalizeEmail(email);
        if (!EMAIL.matcher(normalized).matches()) {
            throw ApiException.validation("email: must be a well-formed email address",
                    java.util.List.of(new com.autopilotmonster.common.problem.FieldViolation("email",
                            "must be a well-formed email address")));
        }
        policy.check(password, normalized);
        User user = User.register(normalized, hasher.hash(password), firstName.trim(), lastName.trim(), role);
        if (!users.insert(user)) {
            throw ApiException.conflict("An account with this email already exists");
        }
        events.publish(UserRegistered.TOPIC, user.id(),
                new UserRegistered(user.id(), user.email(), user.firstName(), user.lastName(), user.role().value(),
                        Instant.now().toString()));
        sendVerification(user);
        return open(user);
    }

    private void sendVerification(User user) {
        String token = emailTokens.issue(user.id(), EmailTokens.Purpose.VERIFY_EMAIL, verifyTtl);
        mailer.sendLater(user.email(), "Verify your email for Autopilot Monster",
                "Hello " + user.firstName() + ",\n\nPlease confirm your email address by opening this link:\n"
                        + verifyLinkBase + token + "\n\nThe link works once and expires in "
                        + verifyTtl.toHours() + " hours.\n");
    }

    /** Marks the address verified. Unknown, used and expired links are told apart, accounts are not revealed. */
    public User verifyEmail(String token) {
        EmailTokens.Consumption result = emailTokens.consume(token, EmailTokens.Purpose.VERIFY_EMAIL);
        switch (result.outcome()) {
            case CONSUMED -> { }
            case USED -> throw ApiException.gone("This verification link was already used");
            case EXPIRED -> throw ApiException.gone("This verification link has expired");
            default -> throw ApiException.badRequest("This verification link is not valid");
        }
        if (!users.set(result.userId(), java.util.Map.of("isEmailVerified", true))) {
            throw ApiException.badRequest("This verification link is not valid");
        }
        return profile(result.userId());
    }

    /** Always the same answer; a reset mail goes out only for an existing, active account. */
    public void forgotPassword(String email) {
        String normalized = normalizeEmail(email);
        users.byEmail(normalized).filter(User::active).ifPresent(user -> {
            String token = emailTokens.issue(user.id(), EmailTokens.Purpose.RESET_PASSWORD, resetTtl);
            mailer.sendLater(user.email(), "Reset your Autopilot Monster password",
                    "Hello " + user.firstName() + ",\n\nSomeone asked to reset your password. If it was you, open:\n"
                            + resetLinkBase + token + "\n\nThe link works once and expires in "
                            + resetTtl.toMinutes() + " minutes. If it was not you, ignore this mail.\n");
        });
    }

    /**
     * Sets a new password (same policy) and signs the user out everywhere: all refresh tokens revoked, every
     * access token issued until now refused by every service (the user's valid-after instant), and every other
     * reset link of the user voided - one successful reset ends them all.
     */
    public void resetPassword(String token, String newPassword) {
        // a too-weak password must not use up the link: check it before the token is consumed
        policy.check(newPassword, null);
        EmailTokens.Consumption result = emailTokens.consume(token, EmailTokens.Purpose.RESET_PASSWORD);
        if (result.outcome() != EmailTokens.Outcome.CONSUMED) {
            throw ApiException.badRequest("This reset link is not valid or has expired; ask for a new one");
        }
        User user = users.byId(result.userId()).orElseThrow(
                () -> ApiException.badRequest("This reset link is not valid or has expired; ask for a new one"));
        policy.check(newPassword, user.email());
        users.set(user.id(), java.util.Map.of("password", hasher.hash(newPassword)));
        emailTokens.voidOutstanding(user.id(), EmailTokens.Purpose.RESET_PASSWORD);
        refreshTokens.revokeAllOf(user.id());
        accessTokens.invalidateIssuedUntilNow(user.id());
        throttle.clearAccount(user.email());
    }

    public Session login(String email, String password, String clientAddress) {
        String normalized = normalizeEmail(email);
        // the attempt is counted (atomically, in Redis) BEFORE the password is hashed: parallel guesses cannot
        // all pass the check before any of them is recorded
        throttle.beginAttempt(normalized, clientAddress);
        User user = users.byEmail(normalized).orElse(null);
        if (user == null) {
            hasher.burnEquivalentTime(password);
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        if (!hasher.matches(password, user.passwordHash())) {
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        throttle.recordSuccess(normalized, clientAddress);
        if (!user.active()) {
            throw ApiException.forbidden("This account is deactivated");
        }
        if (hasher.needsRehash(user.passwordHash())) {
            // only while the stored hash is still the one just checked: a reset meanwhile wins
            users.replacePasswordHash(user.id(), user.passwordHash(), hasher.hash(password));
        }
        events.publish(UserLoggedIn.TOPIC, user.id(),
                new UserLoggedIn(user.id(), user.email(), Instant.now().toString()));
        return open(user);
    }

    public Session refresh(String presented) {
        RefreshTokens.Exchange exchange = refreshTokens.rotate(presented);
        switch (exchange.outcome()) {
            case ROTATED -> { }
            case REUSED -> throw ApiException.unauthorized(
                    "This refresh token was already used; every session it belongs to has been signed out");
            case EXPIRED -> throw ApiException.unauthorized("This refresh token has expired; sign in again");
            default -> throw ApiException.unauthorized("This refresh token is not valid");
        }
        User user = users.byId(exchange.userId()).orElseThrow(
                () -> ApiException.unauthorized("This refresh token is not valid"));
        if (!user.active()) {
            refreshTokens.revokeAllOf(user.id());
            throw ApiException.unauthorized("This account is deactivated");
        }
        return new Session(user, accessTokens.issue(user), exchange.newToken());
    }

    /** Revokes the access token (by jti, until it expires) and the refresh token's family (or all of them). */
    public void logout(String userId, String jti, long accessExpiresAtEpochSeconds, String refreshToken) {
        long remaining = accessExpiresAtEpochSeconds - Instant.now().getEpochSecond();
        tokenStatus.revoke(jti, Math.max(remaining, 1));
        if (refreshToken == null || refreshToken.isBlank() || !refreshTokens.revokeFamilyOf(refreshToken)) {
            refreshTokens.revokeAllOf(userId);
        }
    }

    public User profile(String userId) {
        return users.byId(userId).orElseThrow(() -> ApiException.notFound("User not found"));
    }

    /**
     * Renames the account (a null name stays as it is) and, if a name really changed, publishes
     * {@code user.updated} with the change's version, so the user service's profile follows. The person's own
     * request is the newest change by definition: its version is now, or just above the current one should an
     * applied event carry a later stamp (another server's clock ahead of ours).
     */
    public User updateProfile(String userId, String firstName, String lastName) {
        String first = firstName == null ? null : firstName.trim();
        String last = lastName == null ? null : lastName.trim();
        for (int attempt = 0; attempt < 3; attempt++) {
            User user = profile(userId);
            boolean changes = (first != null && !first.equals(user.firstName()))
                    || (last != null && !last.equals(user.lastName()));
            if (!changes) {
                return user;
            }
            long current = user.namesVersion() == null ? 0 : user.namesVersion();
            Instant version = Instant.ofEpochMilli(Math.max(Instant.now().toEpochMilli(), current + 1));
            if (users.renameIfNewer(userId, first, last, version)) {
                User renamed = profile(userId);
                events.publish(UserUpdated.TOPIC, userId,
                        new UserUpdated(userId, renamed.firstName(), renamed.lastName(), version.toString()));
                return renamed;
            }
            // an event's names were written between our read and our update: decide again on the new state
        }
        throw ApiException.conflict("The profile is being changed at the same moment; retry");
    }

    private Session open(User user) {
        return new Session(user, accessTokens.issue(user), refreshTokens.issue(user.id()));
    }
}
