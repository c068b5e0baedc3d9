package com.autopilotmonster.estate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A Liberty estate as an operator has it: a stock Open Liberty installation (the runtime zip, unpacked by the build
 * into this module's target, never touched by liberty-maven-plugin), the platform's shared server-config fragments
 * copied to the installation's shared configuration folder, and the estate's own secrets: a fresh RSA signing key
 * (not the committed development key, which a production server refuses) and an Admin Center password.
 */
final class EstateInstallation {

    final Path wlp;
    final Path sharedConfig;
    final Path privateKey;
    final Path publicKey;
    final RSAPublicKey signingPublicKey;
    final String consolePassword;
    final String keystorePassword;

    private EstateInstallation(Path wlp, Path sharedConfig, Path privateKey, Path publicKey, RSAPublicKey signingPublicKey,
            String consolePassword, String keystorePassword) {
        this.wlp = wlp;
        this.sharedConfig = sharedConfig;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.signingPublicKey = signingPublicKey;
        this.consolePassword = consolePassword;
        this.keystorePassword = keystorePassword;
    }

    /** Copies only the shared fragments (*.xml), not the development keys: nothing here may depend on them. */
    static EstateInstallation prepare(Path estateDir, Path repoRoot) {
        Path wlp = estateDir.resolve("wlp");
        if (!Files.isExecutable(wlp.resolve("bin/server"))) {
            throw new IllegalStateException("no Liberty installation at " + wlp + " (the build unpacks it in pre-integration-test)");
        }
        try {
            Path shared = wlp.resolve("usr/shared/config/autopilot");
            Files.createDirectories(shared);
            try (DirectoryStream<Path> fragments = Files.newDirectoryStream(repoRoot.resolve("server-config/shared"), "*.xml")) {
                for (Path fragment : fragments) {
                    Files.copy(fragment, shared.resolve(fragment.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path secrets = estateDir.resolve("secrets");
            Files.createDirectories(secrets);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path privateKey = secrets.resolve("jwt-private.pem");
            Path publicKey = secrets.resolve("jwt-public.pem");
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            return new EstateInstallation(wlp, shared, privateKey, publicKey, (RSAPublicKey) pair.getPublic(),
                    randomSecret(), randomSecret());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 / SubjectPublicKeyInfo DER as PEM, the format auth and mpJwt read. */
    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
