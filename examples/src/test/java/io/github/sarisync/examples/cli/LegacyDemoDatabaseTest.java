package io.github.sarisync.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo database written by an earlier version (demo schools on the plain-http placeholder, their
 * credentials in the unbound format) still syncs: the demo schools are stored again on the https
 * placeholder with the simulator's credentials.
 */
class LegacyDemoDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void demoSchoolsOfAnEarlierVersionAreStoredAgainAndSync() throws Exception {
        CliRunner cli = new CliRunner(dir);
        assertThat(cli.run("sync", "--demo-schools", "2").exitCode()).isZero();
        sql("update sari_tenants set base_uri = 'http://sari-simulator.invalid', credentials = 'v1:demo:AAAAAAAAAAAA'");

        var again = cli.run("sync");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out().lines().filter(l -> l.startsWith("demo-school-")))
                .hasSize(2).allMatch(l -> l.contains("SUCCESS"));
        assertThat(baseUris()).containsOnly("https://sari-simulator.invalid");
        assertThat(cli.run("tenants", "list").out()).contains("SIMULATOR");
    }

    private void sql(String statement) throws Exception {
        try (var connection = DriverManager.getConnection(CliConfig.defaultJdbcUrl(dir.resolve("sari-data")), "sa", "");
             var s = connection.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private List<String> baseUris() throws Exception {
        List<String> uris = new ArrayList<>();
        try (var connection = DriverManager.getConnection(CliConfig.defaultJdbcUrl(dir.resolve("sari-data")), "sa", "");
             var s = connection.createStatement();
             ResultSet rows = s.executeQuery("select base_uri from sari_tenants")) {
            while (rows.next()) {
                uris.add(rows.getString(1));
            }
        }
        return uris;
    }
}
