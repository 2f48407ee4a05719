package io.github.sarisync.examples.cli;

import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code generate-key}: a new AES-256 key for {@code SARI_CREDENTIALS_KEY}. Touches no database. */
@Command(name = "generate-key",
        description = "Prints a new random AES-256 key in the form SARI_CREDENTIALS_KEY expects (id:base64).")
final class GenerateKeyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--id", paramLabel = "ID", defaultValue = "k1",
            description = "The key id stored with every value it encrypts (default: ${DEFAULT-VALUE}).")
    String id;

    @Override
    public Integer call() {
        String entry = id + ":" + AesGcmCredentialsCipher.generateKey();
        try {
            AesGcmCredentialsCipher.fromConfiguration(entry);
        } catch (IllegalArgumentException e) {
            throw CliException.config("--id: " + e.getMessage());
        }
        CliEnvironment env = SariSyncCli.root(spec).environment();
        env.out().println(entry);
        env.err().println("Keep it secret and out of the database, e.g. export SARI_CREDENTIALS_KEY='" + id
                + ":...'. To rotate, put the new key first and keep the old one after a comma.");
        return ExitCodes.OK;
    }
}
