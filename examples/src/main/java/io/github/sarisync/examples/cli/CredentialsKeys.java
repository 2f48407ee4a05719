package io.github.sarisync.examples.cli;

import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.CredentialsContext;
import io.github.sarisync.spi.CredentialsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the key that encrypts stored SARI credentials comes from: {@code SARI_CREDENTIALS_KEY} (or
 * {@code sari.credentials-key}); with the simulator and no key configured, a demo key generated
 * once and kept in {@code <data-dir>/demo-credentials.key}. A demo key sits next to the data it
 * protects, so it protects nothing: it only lets the demo run without setup. With a real SARI a
 * missing key is an error.
 */
final class CredentialsKeys {
    static final String DEMO_KEY_FILE = "demo-credentials.key";
    static final String DEMO_KEY_ID = "demo";

    private CredentialsKeys() {
    }

    /**
     * The cipher of this run, or null when no key is configured and SARI is real (commands that
     * do not read credentials still work then).
     *
     * @throws CliException (exit 2) when the configured key is malformed
     */
    static AesGcmCredentialsCipher cipher(CliConfig config) {
        if (config.credentialsKey() != null) {
            try {
                return AesGcmCredentialsCipher.fromConfiguration(config.credentialsKey());
            } catch (IllegalArgumentException e) {
                throw CliException.config(Setting.CREDENTIALS_KEY.envVariable() + " is not usable: " + e.getMessage()
                        + "; expected id:base64key[,id:base64key...] ('sari-sync generate-key' makes one)");
            }
        }
        if (config.target().isSimulator()) {
            return AesGcmCredentialsCipher.fromConfiguration(demoKey(config.dataDir()));
        }
        return null;
    }

    /** The error when credentials must be read or written and no key is configured. */
    static CliException missingKey(SariTarget target) {
        return CliException.config("no encryption key for stored SARI credentials (needed with " + target
                + "): set " + Setting.CREDENTIALS_KEY.envVariable() + " (or " + Setting.CREDENTIALS_KEY.property()
                + " in the properties file) to id:base64key; 'sari-sync generate-key' makes one");
    }

    /** A cipher that refuses every use, naming the missing key: tenants can be listed, not decrypted. */
    static CredentialsCipher missingKeyCipher(SariTarget target) {
        String message = missingKey(target).getMessage();
        return new CredentialsCipher() {
            @Override
            public String encrypt(String plaintext, CredentialsContext context) {
                throw new CredentialsException(message);
            }

            @Override
            public String decrypt(String ciphertext, CredentialsContext context) {
                throw new CredentialsException(message);
            }

            @Override
            public boolean isCurrent(String ciphertext) {
                return false;
            }
        };
    }

    /** Reads the demo key, generating it on first use. */
    static String demoKey(Path dataDir) {
        Path file = dataDir.resolve(DEMO_KEY_FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                String key = DEMO_KEY_ID + ":" + AesGcmCredentialsCipher.generateKey() + System.lineSeparator();
                try {
                    Files.writeString(file, key, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
                    restrictToOwner(file);
                } catch (FileAlreadyExistsException raced) {
                    // another process wrote it first: use theirs
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw CliException.config("cannot read or create the demo key " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the demo key stays as readable as the data folder
        }
    }
}
