package io.github.sarisync.examples.cli;

import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A SARI that refuses the stored credentials: the tenant fails, the run log says why, nothing leaks. */
class WrongCredentialsTest {
    private static final String PASSWORD = "wrong-password-never-shown";

    @TempDir
    Path dir;

    private RefusingSari sari;
    private CliRunner cli;

    @BeforeEach
    void aTenantWithWrongCredentials() throws Exception {
        sari = new RefusingSari();
        cli = new CliRunner(dir)
                .env("SARI_URL", sari.uri().toString())
                .env("SARI_CREDENTIALS_KEY", "k1:" + AesGcmCredentialsCipher.generateKey())
                .env("SARI_CLIENT_ID", "client-7").env("SARI_CLIENT_SECRET", "secret-never-shown")
                .env("SARI_USERNAME", "api-user-7").env("SARI_PASSWORD", PASSWORD);
        assertThat(cli.run("tenants", "add", "school-7").exitCode()).isZero();
    }

    @AfterEach
    void stop() {
        sari.close();
    }

    @Test
    void syncExitsWith1AndTheTableNamesTheRefusal() {
        var result = cli.run("sync");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).containsPattern("school-7\\s+FAILED\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0\\s+AUTHENTICATION_FAILED")
                .contains("1 tenant in").contains("1 failed");
        assertThat(result.err()).contains("[1/1] school-7: FAILED - AUTHENTICATION_FAILED");
        assertThat(result.out() + result.err()).doesNotContain(PASSWORD).doesNotContain("secret-never-shown")
                .doesNotContain("\tat ");
    }

    @Test
    void theFailureIsInHistoryStatsAndTheTenantList() {
        cli.run("sync");

        assertThat(cli.run("history").out()).containsPattern("school-7\\s+SYNC\\s+SCHEDULED\\s+FAILED");
        assertThat(cli.run("history", "--tenant", "school-7", "--limit", "1").out().lines()).hasSize(3);
        assertThat(cli.run("stats").out()).containsPattern("school-7\\s+1\\s+0\\s+0\\s+1\\s+0\\s+0\\s+0\\.0%")
                .contains("Success rate over the last 24h: 0.0% of 1 run in 1 tenant.");
        assertThat(cli.run("tenants").out()).containsPattern("school-7 .*FAILED\\s+1\\s+AUTHENTICATION_FAILED");
    }

    @Test
    void testConnectionSaysTheUsernameOrPasswordWasRefused() {
        var result = cli.run("test-connection", "school-7");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).containsPattern("school-7\\s+BAD_USER_OR_PASSWORD\\s+TOKEN\\s+SARI at "
                + sari.uri() + " refused the username or password \\(invalid_grant\\)");
        assertThat(result.out()).doesNotContain(PASSWORD);
    }

    @Test
    void testConnectionOfNewCredentialsStoresNothing() {
        var result = cli.run("test-connection", "--new");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("FAILED: SARI at " + sari.uri() + " refused the username or password");
        assertThat(cli.run("tenants").out().lines().filter(l -> l.contains("connection-test"))).isEmpty();
    }
}
