package io.github.sarisync.examples.cli;

import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TenantsCommandTest {
    private static final String SECRET = "client-secret-do-not-show";
    private static final String PASSWORD = "school-password-do-not-show";

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void realSariWithKeyAndCredentialsInTheEnvironment() {
        cli = new CliRunner(dir)
                .env("SARI_ENV", "TEST")
                .env("SARI_CREDENTIALS_KEY", "k1:" + AesGcmCredentialsCipher.generateKey())
                .env("SARI_CLIENT_ID", "client-7")
                .env("SARI_CLIENT_SECRET", SECRET)
                .env("SARI_USERNAME", "api-user-7")
                .env("SARI_PASSWORD", PASSWORD);
    }

    @Test
    void anAddedTenantIsListedWithItsSariAndItsSecretsAreStoredEncrypted() throws Exception {
        var added = cli.run("tenants", "add", "school-7", "--name", "Fahrschule Muster", "--interval", "30m");

        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.out()).contains("Tenant school-7 added (TEST)").doesNotContain(SECRET).doesNotContain(PASSWORD);
        var list = cli.run("tenants", "list");
        assertThat(list.out()).contains("school-7").contains("Fahrschule Muster").contains("TEST").contains("30m");
        assertThat(databaseText()).doesNotContain(SECRET).doesNotContain(PASSWORD).contains("school-7");
    }

    @Test
    void reencryptMovesStoredCredentialsToTheNewKeySoTheOldOneCanBeDropped() throws Exception {
        String oldKey = "k1:" + AesGcmCredentialsCipher.generateKey();
        String newKey = "k2:" + AesGcmCredentialsCipher.generateKey();
        cli.env("SARI_CREDENTIALS_KEY", oldKey);
        cli.run("tenants", "add", "school-7");
        cli.env("SARI_CREDENTIALS_KEY", newKey + "," + oldKey);

        var rotated = cli.run("tenants", "reencrypt");
        var again = cli.run("tenants", "reencrypt");

        assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
        assertThat(rotated.out()).contains("Credentials of 1 tenant(s): 1 re-encrypted under the current key",
                "0 failed").doesNotContain(SECRET).doesNotContain(PASSWORD);
        assertThat(again.out()).contains("0 re-encrypted", "1 already current");
        assertThat(databaseText()).contains("v2:k2:").doesNotContain("v2:k1:");
        cli.env("SARI_CREDENTIALS_KEY", newKey);
        assertThat(cli.run("tenants", "reencrypt").out()).as("readable with the new key alone")
                .contains("1 already current", "0 failed");
    }

    @Test
    void reencryptWithoutTheKeyThatWroteTheCredentialsNamesTheTenantAndFails() {
        cli.run("tenants", "add", "school-7");
        cli.env("SARI_CREDENTIALS_KEY", "k9:" + AesGcmCredentialsCipher.generateKey());

        var result = cli.run("tenants", "reencrypt");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).contains("1 failed", "school-7:").doesNotContain(SECRET).doesNotContain(PASSWORD);
    }

    @Test
    void pauseDisableResumeAndEnableShowInTheList() {
        cli.run("tenants", "add", "school-7");

        assertThat(cli.run("tenants", "pause", "school-7").out()).contains("Tenant school-7 paused.");
        assertThat(cli.run("tenants", "disable", "school-7").exitCode()).isZero();
        assertThat(listRow("school-7")).matches("school-7\\s+school-7\\s+no\\s+yes\\s+TEST.*");
        cli.run("tenants", "resume", "school-7");
        cli.run("tenants", "enable", "school-7");
        assertThat(listRow("school-7")).matches("school-7\\s+school-7\\s+yes\\s+no\\s+TEST.*");
    }

    @Test
    void addingAnExistingTenantReplacesItsCredentialsAndKeepsItsFlags() {
        cli.run("tenants", "add", "school-7", "--name", "Muster");
        cli.run("tenants", "pause", "school-7");

        var again = cli.run("tenants", "add", "school-7");

        assertThat(again.out()).contains("Tenant school-7 updated");
        assertThat(listRow("school-7")).matches("school-7\\s+Muster\\s+yes\\s+yes\\s+TEST.*");
    }

    @Test
    void aRemovedTenantIsGoneFromTheList() {
        cli.run("tenants", "add", "school-7");

        assertThat(cli.run("tenants", "remove", "school-7").exitCode()).isZero();
        assertThat(cli.run("tenants").out()).contains("No tenants.");
    }

    @Test
    void anUnknownTenantIsAClearError() {
        var result = cli.run("tenants", "pause", "nobody");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("sari-sync: unknown tenant 'nobody' (see 'sari-sync tenants list')");
    }

    @Test
    void withoutCredentialsAndWithoutTerminalAddingNamesTheMissingVariables() {
        var result = new CliRunner(dir).env("SARI_ENV", "TEST")
                .env("SARI_CREDENTIALS_KEY", "k1:" + AesGcmCredentialsCipher.generateKey())
                .env("SARI_CLIENT_ID", "client-7")
                .run("tenants", "add", "school-7");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no SARI credentials for tenant school-7: set SARI_CLIENT_SECRET, "
                + "SARI_USERNAME, SARI_PASSWORD (or run in a terminal to be asked)");
    }

    @Test
    void addingWithoutEncryptionKeyForARealSariIsRefused() {
        var result = new CliRunner(dir).env("SARI_CLIENT_ID", "c").env("SARI_CLIENT_SECRET", "s")
                .env("SARI_USERNAME", "u").env("SARI_PASSWORD", "p")
                .run("tenants", "add", "school-7", "--sari-env", "PRODUCTION");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no encryption key for stored SARI credentials (needed with SARI PRODUCTION)");
    }

    private String listRow(String tenant) {
        return cli.run("tenants", "list").out().lines().filter(l -> l.startsWith(tenant)).findFirst().orElseThrow();
    }

    /** Every value of every column of the tenants table, as text. */
    private String databaseText() throws Exception {
        List<String> values = new ArrayList<>();
        try (var connection = DriverManager.getConnection(CliConfig.defaultJdbcUrl(dir.resolve("sari-data")), "sa", "");
             var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from sari_tenants")) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(String.valueOf(rows.getObject(i)));
                }
            }
        }
        return String.join("|", values);
    }
}
