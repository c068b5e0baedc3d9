package com.autopilotmonster.auth.domain;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first admin from {@code auth.bootstrap-admin.email} / {@code auth.bootstrap-admin.password}
 * (env AUTH_BOOTSTRAP_ADMIN_EMAIL / AUTH_BOOTSTRAP_ADMIN_PASSWORD) when no admin exists yet. Without both
 * settings nothing is created. Retried until the store is reachable.
 * <p>
 * It only ever CREATES the account: when someone already registered that email (with their own password), that
 * account is never promoted - whoever registered it first would otherwise become admin. Start-up then logs a
 * SEVERE error and no admin is created; the readiness check {@code bootstrap-admin} stays DOWN until an operator
 * picks another email (or promotes an account deliberately) and restarts, so the mistake cannot go unnoticed.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

    @Inject
    @ConfigProperty(name = "auth.bootstrap-admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "auth.bootstrap-admin.password")
    Optional<String> password;

    @Inject
    MongoDatabase database;

    @Inject
    UserStore users;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile String refused;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (email.filter(e -> !e.isBlank()).isPresent() && password.filter(p -> !p.isBlank()).isPresent()) {
            scheduler.execute(this::attempt);
        }
    }

    private void attempt() {
        try {
            ensureAdmin();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "bootstrap admin not created yet, retrying in 5 s: {0}", e.getMessage());
            scheduler.schedule(this::attempt, 5, TimeUnit.SECONDS);
        }
    }

    void ensureAdmin() {
        if (adminExists()) {
            return;
        }
        String normalized = AuthService.normalizeEmail(email.get());
        policy.check(password.get(), normalized);
        User admin = User.register(normalized, hasher.hash(password.get()), "Platform", "Admin", Role.ADMIN);
        admin.verifyEmail();
        if (users.insert(admin)) {
            LOG.info(() -> "bootstrap admin " + normalized + " created");
        } else {
            refused = "an account " + normalized + " already exists; the bootstrap admin is never made by promoting "
                    + "an existing account. Set AUTH_BOOTSTRAP_ADMIN_EMAIL to an unused address and restart";
            LOG.severe(() -> "bootstrap admin NOT created: " + refused);
        }
    }

    boolean adminExists() {
        return database.getCollection("users").countDocuments(Filters.eq("role", Role.ADMIN.value())) > 0;
    }

    /** Why the configured bootstrap admin was refused, or null. */
    public String refusal() {
        return refused;
    }
}
