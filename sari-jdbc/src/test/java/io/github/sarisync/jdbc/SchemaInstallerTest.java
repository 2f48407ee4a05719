package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Statements;
import io.github.sarisync.spi.Lease;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaInstallerTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void installCreatesEveryTableOnAnEmptyDatabase(Dialect dialect) {
        try (TestDatabase db = TestDatabase.of(dialect)) {
            SchemaInstaller installer = new SchemaInstaller(db.jdbc().jdbi(), dialect, "fresh_");

            List<String> created = installer.install();

            assertThat(created).containsExactly("fresh_tenants", "fresh_course_groups", "fresh_courses",
                    "fresh_course_members", "fresh_sync_runs", "fresh_locks", "fresh_enrollment_outbox");
            assertThat(installer.missingTables()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void installingAgainCreatesNothingAndKeepsTheRows(Dialect dialect) {
        try (TestDatabase db = TestDatabase.of(dialect)) {
            db.jdbc().syncLock().tryAcquire("tenant-1", "engine-a", Duration.ofMinutes(1));

            List<String> created = db.jdbc().schemaInstaller().install();

            assertThat(created).isEmpty();
            assertThat(db.count("locks")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void installingOnADatabaseFromBeforeFencingTokensAddsTheFenceAndKeepsTheLeases(Dialect dialect) {
        try (TestDatabase db = TestDatabase.of(dialect)) {
            // what an older release left: its installer kept no history, and the lease table had no fence yet
            db.jdbc().jdbi().useHandle(h -> h.execute("DROP TABLE \"sari_schema_history\""));
            db.jdbc().jdbi().useHandle(h -> h.execute("ALTER TABLE sari_locks DROP COLUMN fence"));
            db.jdbc().jdbi().useHandle(h -> h.execute("INSERT INTO sari_locks (name, owner, locked_at, expires_at)"
                    + " VALUES ('tenant:old', 'engine-old', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));

            db.jdbc().schemaInstaller().install();

            Lease first = db.jdbc().syncLock().tryAcquire("tenant:old", "engine-a", Duration.ofMinutes(1))
                    .orElseThrow();
            db.jdbc().syncLock().release(first);
            Lease second = db.jdbc().syncLock().tryAcquire("tenant:old", "engine-b", Duration.ofMinutes(1))
                    .orElseThrow();
            assertThat(first.fence()).isPositive();
            assertThat(second.fence()).isGreaterThan(first.fence());
            assertThat(db.count("locks")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void installRecreatesOnlyAMissingTableAndNeverDropsOthers(Dialect dialect) {
        try (TestDatabase db = TestDatabase.of(dialect)) {
            db.jdbc().syncLock().tryAcquire("tenant-1", "engine-a", Duration.ofMinutes(1));
            db.jdbc().jdbi().useHandle(h -> h.execute("DROP TABLE sari_sync_runs"));

            List<String> created = db.jdbc().schemaInstaller().install();

            assertThat(created).containsExactly("sari_sync_runs");
            assertThat(db.count("locks")).isEqualTo(1);
            assertThat(db.count("sync_runs")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theTablePrefixNamesEveryTableAndTheStoresUseIt(Dialect dialect) {
        try (TestDatabase db = TestDatabase.of(dialect)) {
            SariJdbc acme = SariJdbc.builder().jdbi(db.jdbc().jdbi()).tablePrefix("acme_sari_")
                    .initializeSchema(SchemaInitialization.ALWAYS).build();

            acme.syncLock().tryAcquire("tenant-1", "engine-a", Duration.ofMinutes(1));

            assertThat(acme.schemaInstaller().missingTables()).isEmpty();
            int acmeLocks = acme.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM acme_sari_locks")
                    .mapTo(Integer.class).one());
            assertThat(acmeLocks).isEqualTo(1);
            assertThat(db.count("locks")).isZero();
        }
    }

    @Test
    void neverLeavesAnEmptyDatabaseEmpty() {
        DataSource ds = TestDatabase.h2DataSource();

        SariJdbc jdbc = SariJdbc.builder().dataSource(ds).initializeSchema(SchemaInitialization.NEVER).build();

        assertThat(jdbc.schemaInstaller().missingTables()).hasSize(SchemaInstaller.TABLES.size());
    }

    @Test
    void embeddedInstallsTheSchemaOnH2ByDefault() {
        SariJdbc jdbc = SariJdbc.builder().dataSource(TestDatabase.h2DataSource()).build();

        assertThat(jdbc.dialect()).isEqualTo(Dialect.H2);
        assertThat(jdbc.schemaInstaller().missingTables()).isEmpty();
    }

    @Test
    void embeddedLeavesAServerDatabaseToTheHostsMigrations() {
        try (EmbeddedPostgresServer.Database db = EmbeddedPostgresServer.newDatabase()) {
            SariJdbc jdbc = SariJdbc.builder().dataSource(db.pooled()).build();

            assertThat(jdbc.dialect()).isEqualTo(Dialect.POSTGRESQL);
            assertThat(jdbc.schemaInstaller().missingTables()).hasSize(SchemaInstaller.TABLES.size());
        }
    }

    @Test
    void aBadTablePrefixIsRefusedNamingTheSetting() {
        Jdbi jdbi = Jdbi.create(TestDatabase.h2DataSource());

        for (String bad : List.of("", "Sari_", "1sari", "sari-", "sari_;drop", "a".repeat(31))) {
            assertThatThrownBy(() -> SariJdbc.builder().jdbi(jdbi).tablePrefix(bad).build())
                    .as("prefix '%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tablePrefix");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theScriptForOperatorsHasThePrefixApplied(Dialect dialect) {
        String script = SchemaInstaller.script(dialect, "ops_");

        assertThat(script).contains("CREATE TABLE IF NOT EXISTS ops_tenants", "CREATE TABLE IF NOT EXISTS ops_locks")
                .doesNotContain(Statements.PREFIX_PLACEHOLDER).doesNotContainIgnoringCase("DROP ");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theFlywayMigrationsBuildTheSameSchemaAsTheInstaller(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect)) {
            Jdbi jdbi = db.jdbc().jdbi();
            List<Path> migrations = migrations(dialect);
            assertThat(migrations).first().satisfies(m -> assertThat(m.getFileName()).hasToString("V1__sari_schema.sql"));
            jdbi.useHandle(h -> {
                for (Path migration : migrations) {
                    String script = Files.readString(migration).replace(Statements.PREFIX_PLACEHOLDER, "flyway_");
                    for (String statement : script.replaceAll("(?m)^\\s*--.*$", "").split(";")) {
                        if (!statement.isBlank()) {
                            h.execute(statement);
                        }
                    }
                }
            });

            assertThat(columns(jdbi, "flyway_")).isNotEmpty().isEqualTo(columns(jdbi, "sari_"));
        }
    }

    @Test
    void theMigrationLocationIsNamedPerDialect() {
        assertThat(SchemaInstaller.migrationLocation(Dialect.POSTGRESQL))
                .isEqualTo("classpath:db/migration/sari/postgresql");
        assertThat(SchemaInstaller.migrationLocation(Dialect.H2)).isEqualTo("classpath:db/migration/sari/h2");
    }

    /** The Flyway migrations of a dialect in version order. */
    private static List<Path> migrations(Dialect dialect) throws Exception {
        Path dir = Path.of(Dialect.class.getResource("/db/migration/sari/" + dialect.resourceSuffix()).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString()
                            .substring(1, f.getFileName().toString().indexOf("__")))))
                    .toList();
        }
    }

    /** Table (without prefix), column and type of every column of the tables with the prefix, history aside. */
    private static List<String> columns(Jdbi jdbi, String prefix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT lower(table_name) AS t, lower(column_name) AS c, data_type AS d"
                        + " FROM information_schema.columns WHERE lower(table_name) LIKE :prefix"
                        + " AND lower(table_name) NOT LIKE '%schema_history'"
                        + " ORDER BY lower(table_name), lower(column_name)")
                .bind("prefix", prefix + "%")
                .map((rs, ctx) -> rs.getString("t").substring(prefix.length()) + "." + rs.getString("c") + " "
                        + rs.getString("d"))
                .list());
    }

    @Test
    void everyDialectDefinesTheSameStatements() {
        // but the installer's advisory lock, which only PostgreSQL has (see StatementsTest)
        Set<String> postgresql = new HashSet<>(Statements.load(Dialect.POSTGRESQL, "sari_").names());
        postgresql.remove("schema.lock");
        assertThat(Statements.load(Dialect.H2, "sari_").names()).isEqualTo(postgresql);
    }
}
