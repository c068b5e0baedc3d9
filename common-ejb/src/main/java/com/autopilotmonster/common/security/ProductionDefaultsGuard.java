package com.autopilotmonster.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes the local run's conveniences impossible to use by accident in production: unless
 * {@code platform.local} is true (env {@code PLATFORM_LOCAL=true}; set by the build's Liberty servers,
 * {@code ./platform run} and {@code platform-tests/servers.sh}, never in production), the application refuses to
 * start when
 * <ul>
 *   <li>tokens are verified with the committed development public key ({@code mp.jwt.verify.publickey.location}
 *       a file holding it, or {@code mp.jwt.verify.publickey} inline);</li>
 *   <li>the server includes the Admin Center ({@code admin.console.enabled}) and its console password is unset,
 *       blank or the local default;</li>
 *   <li>the server's TLS keystore is defined by the shared configuration ({@code keystore.password.configured},
 *       the gateway's {@code admin-center.xml}) and still has the committed local password (or none): anyone
 *       with the repository could open the keystore holding the server's private key.</li>
 * </ul>
 * A key fetched from a JWKS URL is not checked here: auth refuses to sign with the development key itself.
 */
@ApplicationScoped
public class ProductionDefaultsGuard {

    private static final Logger LOG = Logger.getLogger(ProductionDefaultsGuard.class.getName());
    /** The Admin Center password the local run uses (liberty-gateway's build); never accepted elsewhere. */
    static final String LOCAL_CONSOLE_PASSWORD = "autopilot-local";
    /** The keystore password committed in server-config/shared/admin-center.xml; never accepted elsewhere. */
    static final String LOCAL_KEYSTORE_PASSWORD = "autopilot-local-keystore";

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Config config = ConfigProvider.getConfig();
        boolean local = localRun(config);
        List<String> problems = problems(local, config.getOptionalValue("mp.jwt.verify.publickey.location", String.class),
                config.getOptionalValue("mp.jwt.verify.publickey", String.class),
                config.getOptionalValue("admin.console.enabled", Boolean.class).orElse(false),
                config.getOptionalValue("admin.console.password.configured", String.class));
        problems.addAll(keystoreProblems(local, config.getOptionalValue("keystore.password.configured", String.class)));
        if (!problems.isEmpty()) {
            problems.forEach(LOG::severe);
            throw new IllegalStateException(String.join("; ", problems));
        }
        if (local) {
            LOG.info("platform.local=true: development keys and local defaults are allowed (never set this in production)");
        }
    }

    /** {@code platform.local} (env {@code PLATFORM_LOCAL}); absent means production. */
    public static boolean localRun(Config config) {
        return config.getOptionalValue("platform.local", Boolean.class).orElse(false);
    }

    static List<String> problems(boolean local, Optional<String> keyLocation, Optional<String> inlineKey,
            boolean adminConsole, Optional<String> consolePassword) {
        List<String> problems = new ArrayList<>();
        if (local) {
            return problems;
        }
        keyLocation.filter(l -> !l.startsWith("http://") && !l.startsWith("https://")).ifPresent(location -> {
            try {
                DevelopmentKey.refuseOutsideLocalRun(PemKeys.publicKey(location), false, "verify");
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        });
        inlineKey.filter(k -> k.contains("BEGIN PUBLIC KEY")).ifPresent(pem -> {
            try {
                DevelopmentKey.refuseOutsideLocalRun(PemKeys.publicKeyFromPem(pem), false, "verify");
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        });
        if (adminConsole) {
            String password = consolePassword.map(String::strip).orElse("");
            // an undefined Liberty variable stays as its literal ${...} reference
            if (password.isEmpty() || password.startsWith("${") || password.equals(LOCAL_CONSOLE_PASSWORD)) {
                problems.add("refusing to start: the Admin Center has no password of its own; set ADMIN_CONSOLE_PASSWORD "
                        + "(and ADMIN_CONSOLE_USER) or, on a developer machine only, PLATFORM_LOCAL=true");
            }
        }
        return problems;
    }

    /**
     * The TLS keystore's password, where the server's configuration names it ({@code keystore.password.configured};
     * absent: this server defines no keystore of ours and Liberty generates a random password at creation).
     */
    static List<String> keystoreProblems(boolean local, Optional<String> keystorePassword) {
        if (local || keystorePassword.isEmpty()) {
            return new ArrayList<>();
        }
        String password = keystorePassword.get().strip();
        // an undefined Liberty variable stays as its literal ${...} reference
        if (password.isEmpty() || password.startsWith("${") || password.equals(LOCAL_KEYSTORE_PASSWORD)) {
            return new ArrayList<>(List.of("refusing to start: the TLS keystore uses the committed local password; set "
                    + "KEYSTORE_PASSWORD to a secret of your own or, on a developer machine only, PLATFORM_LOCAL=true"));
        }
        return new ArrayList<>();
    }
}
