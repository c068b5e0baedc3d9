package com.autopilotmonster.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The bootstrap admin is created, never made by promoting whoever registered its email first. */
class BootstrapAdminTest {

    /** The store as far as the bootstrap admin uses it: inserts refused when the email is taken; writes recorded. */
    static final class Store extends UserStore {
        final boolean emailTaken;
        final List<String> writes = new ArrayList<>();

        Store(boolean emailTaken) {
            this.emailTaken = emailTaken;
        }

        @Override
        public boolean insert(User user) {
            writes.add("insert " + user.email() + " " + user.role().value());
            return !emailTaken;
        }

        @Override
        public boolean set(String id, Map<String, Object> fields) {
            writes.add("set " + fields);
            return true;
        }

        @Override
        public Optional<User> byEmail(String email) {
            return Optional.of(User.register(email, "$2b$04$x", "First", "Registrant", Role.USER));
        }
    }

    private static BootstrapAdmin bootstrap(Store store) {
        BootstrapAdmin bootstrap = new BootstrapAdmin() {
            @Override
            boolean adminExists() {
                return false;
            }
        };
        bootstrap.email = Optional.of("Boss@Example.test");
        bootstrap.password = Optional.of("a long bootstrap passphrase");
        bootstrap.users = store;
        bootstrap.hasher = new PasswordHasher();
        bootstrap.hasher.cost = 4;
        bootstrap.policy = new PasswordPolicy();
        bootstrap.policy.load();
        return bootstrap;
    }

    @Test
    void aFreeEmailBecomesTheFirstAdmin() {
        Store store = new Store(false);
        BootstrapAdmin bootstrap = bootstrap(store);
        bootstrap.ensureAdmin();
        assertEquals(List.of("insert boss@example.test admin"), store.writes);
        assertNull(bootstrap.refusal());
    }

    @Test
    void anAccountRegisteredWithThatEmailIsNeverPromoted() {
        Store store = new Store(true);
        BootstrapAdmin bootstrap = bootstrap(store);
        bootstrap.ensureAdmin();
        assertEquals(List.of("insert boss@example.test admin"), store.writes, "nothing but the refused insert");
        assertNotNull(bootstrap.refusal());
        assertTrue(bootstrap.refusal().contains("boss@example.test"));
        BootstrapAdminReadiness readiness = new BootstrapAdminReadiness();
        readiness.bootstrapAdmin = bootstrap;
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
    }
}
