package com.autopilotmonster.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outside the local run the development key, a default Admin Center password and the committed keystore password stop the server. */
class ProductionDefaultsGuardTest {

    static final String DEV_PUBLIC = "../server-config/shared/keys/dev-jwt-public.pem";

    @TempDir
    Path dir;

    @Test
    void theCommittedKeyIsRecognisedByThumbprintWhereverItWasCopied() throws Exception {
        Path copy = dir.resolve("copied.pem");
        Files.copy(Path.of(DEV_PUBLIC), copy);
        assertTrue(DevelopmentKey.is(PemKeys.publicKey(copy.toString())));
        assertFalse(DevelopmentKey.is(freshKey()));
    }

    @Test
    void theDevelopmentKeyIsRefusedOutsideTheLocalRunOnly() throws Exception {
        List<String> production = ProductionDefaultsGuard.problems(false, Optional.of("file:" + DEV_PUBLIC),
                Optional.empty(), false, Optional.empty());
        assertEquals(1, production.size(), production.toString());
        assertTrue(production.get(0).contains("development RSA key"));
        assertTrue(ProductionDefaultsGuard.problems(true, Optional.of(DEV_PUBLIC), Optional.empty(), false,
                Optional.empty()).isEmpty());
        // inline PEM too; an own key passes; a JWKS URL is auth's business
        String inline = Files.readString(Path.of(DEV_PUBLIC));
        assertEquals(1, ProductionDefaultsGuard.problems(false, Optional.empty(), Optional.of(inline), false,
                Optional.empty()).size());
        Path own = dir.resolve("own.pem");
        Files.writeString(own, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(freshKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        assertTrue(ProductionDefaultsGuard.problems(false, Optional.of(own.toString()), Optional.empty(), false,
                Optional.empty()).isEmpty());
        assertTrue(ProductionDefaultsGuard.problems(false, Optional.of("https://auth:4002/api/auth/.well-known/jwks.json"),
                Optional.empty(), false, Optional.empty()).isEmpty());
        assertThrows(IllegalStateException.class,
                () -> DevelopmentKey.refuseOutsideLocalRun(PemKeys.publicKey(DEV_PUBLIC), false, "sign"));
    }

    @Test
    void theAdminCenterNeedsAPasswordOfItsOwnOutsideTheLocalRun() {
        for (Optional<String> weak : List.of(Optional.<String>empty(), Optional.of("  "),
                Optional.of("${admin.console.password}"), Optional.of("autopilot-local"))) {
            assertEquals(1, ProductionDefaultsGuard.problems(false, Optional.empty(), Optional.empty(), true, weak)
                    .size(), "accepted " + weak);
            assertTrue(ProductionDefaultsGuard.problems(true, Optional.empty(), Optional.empty(), true, weak).isEmpty());
        }
        assertTrue(ProductionDefaultsGuard.problems(false, Optional.empty(), Optional.empty(), true,
                Optional.of("a-long-operator-secret")).isEmpty());
        // a server without the Admin Center is not asked for one
        assertTrue(ProductionDefaultsGuard.problems(false, Optional.empty(), Optional.empty(), false,
                Optional.empty()).isEmpty());
    }

    @Test
    void theTlsKeystoreNeedsAPasswordOfItsOwnOutsideTheLocalRun() {
        for (Optional<String> weak : List.of(Optional.of("autopilot-local-keystore"), Optional.of(" autopilot-local-keystore "),
                Optional.of(""), Optional.of("${keystore.password}"))) {
            List<String> production = ProductionDefaultsGuard.keystoreProblems(false, weak);
            assertEquals(1, production.size(), "accepted " + weak);
            assertTrue(production.get(0).contains("KEYSTORE_PASSWORD"), production.get(0));
            assertTrue(ProductionDefaultsGuard.keystoreProblems(true, weak).isEmpty());
        }
        assertTrue(ProductionDefaultsGuard.keystoreProblems(false, Optional.of("an-operator-secret")).isEmpty());
        // a server whose configuration defines no keystore of ours (Liberty's own random password) is not asked
        assertTrue(ProductionDefaultsGuard.keystoreProblems(false, Optional.empty()).isEmpty());
    }

    @Test
    void theCommittedKeystorePasswordIsTheOneTheGuardRefuses() throws Exception {
        // the guard and the shared configuration must name the same default, or the refusal would never fire
        String adminCenter = Files.readString(Path.of("../server-config/shared/admin-center.xml"));
        assertTrue(adminCenter.contains("name=\"keystore.password\" defaultValue=\""
                + ProductionDefaultsGuard.LOCAL_KEYSTORE_PASSWORD + "\""), "admin-center.xml default changed");
        assertTrue(adminCenter.contains("name=\"keystore.password.configured\" value=\"${keystore.password}\""),
                "admin-center.xml no longer tells the guard the keystore password");
    }

    private static PublicKey freshKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPublic();
    }
}
