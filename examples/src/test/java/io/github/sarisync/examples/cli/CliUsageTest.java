package io.github.sarisync.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CliUsageTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownCommandExitsWith2AndSaysWhatWasNotUnderstood() {
        var result = new CliRunner(dir).run("frobnicate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("'frobnicate'").contains("Try 'sari-sync --help'");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void anUnknownFlagExitsWith2NamingTheFlag() {
        var result = new CliRunner(dir).run("sync", "--bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--bogus'").contains("Try 'sari-sync sync --help'");
    }

    @Test
    void noCommandExitsWith2AndShowsTheCommands() {
        var result = new CliRunner(dir).run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("a command is required").contains("sync").contains("tenants");
    }

    @Test
    void helpListsEveryCommandAndExitsWith0() {
        var result = new CliRunner(dir).run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("sync", "run", "tenants", "test-connection", "courses", "history", "stats",
                "generate-key", "--jdbc-url", "--sari-env", "--verbose");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"sync", "run", "tenants", "test-connection", "courses", "history", "stats",
                "generate-key"}) {
            var result = new CliRunner(dir).run(command, "--help");

            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.out()).as(command).contains("Usage: sari-sync " + command);
        }
        var nested = new CliRunner(dir).run("tenants", "add", "--help");
        assertThat(nested.out()).contains("SARI_CLIENT_SECRET");
    }

    @Test
    void aBadSariEnvironmentIsRefusedNamingTheFlag() {
        var result = new CliRunner(dir).run("sync", "--sari-env", "STAGING");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip())
                .isEqualTo("sari-sync: --sari-env must be SIMULATOR, TEST or PRODUCTION, was 'STAGING'");
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() {
        var result = new CliRunner(dir).env("SARI_PARALLELISM", "many").run("sync");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("SARI_PARALLELISM must be a whole number from 1 to 1024, was 'many'");
    }

    @Test
    void aMissingPropertiesFileIsAnError() {
        var result = new CliRunner(dir).run("history", "--config", "nowhere.properties");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--config: no such properties file").contains("nowhere.properties");
    }

    @Test
    void anUnreachableDatabaseIsOneClearLineWithoutStackTrace() {
        var result = new CliRunner(dir).run("history", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/sari");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("sari-sync: cannot connect to the database jdbc:postgresql://127.0.0.1:1/sari: ");
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void verboseAddsTheStackTrace() {
        var result = new CliRunner(dir).run("history", "--verbose", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/sari");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("cannot connect to the database").contains("\tat ");
    }

    @Test
    void anUnsupportedJdbcUrlIsRefused() {
        var result = new CliRunner(dir).run("history", "--jdbc-url", "jdbc:mysql://localhost/sari");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--jdbc-url must start with jdbc:h2: or jdbc:postgresql:");
    }

    @Test
    void aRealSariWithoutEncryptionKeyIsAClearError() {
        var result = new CliRunner(dir).run("sync", "--sari-url", "https://sari.example.test");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no encryption key for stored SARI credentials")
                .contains("SARI_CREDENTIALS_KEY").contains("generate-key");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void aMalformedEncryptionKeyIsAClearErrorThatDoesNotShowTheKey() {
        var result = new CliRunner(dir).env("SARI_CREDENTIALS_KEY", "k1:c2hvcnQ=")
                .run("tenants", "list", "--sari-env", "TEST");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("SARI_CREDENTIALS_KEY is not usable").contains("32 bytes")
                .doesNotContain("c2hvcnQ=");
    }

    @Test
    void generateKeyPrintsAKeyTheCommandLineAccepts() {
        var generated = new CliRunner(dir).run("generate-key", "--id", "prod-2026");

        assertThat(generated.exitCode()).isZero();
        String key = generated.out().strip();
        assertThat(key).matches("prod-2026:[A-Za-z0-9+/]{43}=");
        var list = new CliRunner(dir).env("SARI_CREDENTIALS_KEY", key).run("tenants", "list", "--sari-env", "TEST");
        assertThat(list.exitCode()).as(list.toString()).isZero();
    }

    @Test
    void readOnlyCommandsOnAnEmptyDatabaseSayThereIsNothingYet() throws Exception {
        var runner = new CliRunner(dir);

        assertThat(runner.run("courses").out()).contains("No courses stored yet");
        assertThat(runner.run("history").out()).contains("No runs recorded yet.");
        assertThat(runner.run("stats").out()).contains("No runs in the last 24h.");
        assertThat(Files.exists(dir.resolve("sari-data/sari.mv.db"))).isTrue();
    }

    @Test
    void aBadWindowIsRefused() {
        var result = new CliRunner(dir).run("stats", "--window", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--window must be a positive duration like 90s, 15m, 1h, 7d or PT1H30M");
    }
}
