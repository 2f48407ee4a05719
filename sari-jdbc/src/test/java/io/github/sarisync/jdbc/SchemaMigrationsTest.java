package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Migration;
import io.github.sarisync.internal.jdbc.Migrations;
import io.github.sarisync.jdbc.SchemaSnapshot.EmptyDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema installer runs exactly the shipped migrations and keeps Flyway's history of them, so a
 * database it installed or upgraded is the one Flyway would make, and Flyway agrees with its history.
 */
class SchemaMigrationsTest {
    private static final String PREFIX = "sari_";

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aFreshInstallIsTheSchemaAndHistoryFlywayMakesFromTheSameMigrations(Dialect dialect) throws Exception {
        try (EmptyDatabase installed = EmptyDatabase.of(dialect); EmptyDatabase migrated = EmptyDatabase.of(dialect)) {
            installed.installer(PREFIX).install();
            MigrateResult flyway = migrated.flyway(PREFIX).migrate();

            assertThat(flyway.migrationsExecuted).isEqualTo(Migrations.of(dialect).size());
            assertThat(SchemaSnapshot.columns(installed.jdbi(), PREFIX)).isNotEmpty()
                    .isEqualTo(SchemaSnapshot.columns(migrated.jdbi(), PREFIX));
            assertThat(SchemaSnapshot.indexes(installed.jdbi(), dialect, PREFIX)).isNotEmpty()
                    .isEqualTo(SchemaSnapshot.indexes(migrated.jdbi(), dialect, PREFIX));
            assertThat(SchemaSnapshot.history(installed.jdbi(), PREFIX))
                    .isEqualTo(SchemaSnapshot.history(migrated.jdbi(), PREFIX))
                    .hasSize(Migrations.of(dialect).size());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void flywayFindsEveryMigrationTheInstallerRanAppliedAndValid(Dialect dialect) throws Exception {
        try (EmptyDatabase db = EmptyDatabase.of(dialect)) {
            db.installer(PREFIX).install();
            Flyway flyway = db.flyway(PREFIX);

            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(flyway.migrate().migrationsExecuted).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theInstallerRunsNothingOnADatabaseFlywayMigrated(Dialect dialect) throws Exception {
        try (EmptyDatabase db = EmptyDatabase.of(dialect)) {
            db.flyway(PREFIX).migrate();
            List<String> history = SchemaSnapshot.history(db.jdbi(), PREFIX);

            List<String> created = db.installer(PREFIX).install();

            assertThat(created).isEmpty();
            assertThat(SchemaSnapshot.history(db.jdbi(), PREFIX)).isEqualTo(history);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aHostsOwnFlywayAsTheReadmeShowsMigratesBesideTheHostsTablesAndTheInstallerAgrees(Dialect dialect)
            throws Exception {
        try (EmptyDatabase db = EmptyDatabase.of(dialect)) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE host_orders (id INT PRIMARY KEY)"));
            Flyway flyway = Flyway.configure().dataSource(db.dataSource())
                    .locations(SchemaInstaller.migrationLocation(dialect))
                    .table("sari_schema_history")
                    .placeholders(Map.of("sari_prefix", "sari_"))
                    .baselineOnMigrate(true).baselineVersion("0")
                    .load();

            assertThat(flyway.migrate().migrationsExecuted).isEqualTo(Migrations.of(dialect).size());
            List<String> history = SchemaSnapshot.history(db.jdbi(), PREFIX);

            assertThat(db.installer(PREFIX).install()).isEmpty();
            assertThat(SchemaSnapshot.history(db.jdbi(), PREFIX)).isEqualTo(history);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void installingTwiceChangesNothingTheSecondTime(Dialect dialect) throws Exception {
        try (EmptyDatabase db = EmptyDatabase.of(dialect)) {
            SchemaInstaller installer = db.installer(PREFIX);
            installer.install();
            List<String> columns = SchemaSnapshot.columns(db.jdbi(), PREFIX);
            List<String> installedOn = SchemaSnapshot.installedOn(db.jdbi(), PREFIX);

            List<String> created = installer.install();

            assertThat(created).isEmpty();
            assertThat(SchemaSnapshot.installedOn(db.jdbi(), PREFIX)).isEqualTo(installedOn)
                    .hasSize(Migrations.of(dialect).size());
            assertThat(SchemaSnapshot.columns(db.jdbi(), PREFIX)).isEqualTo(columns);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aDatabaseTheOldInstallerMadeIsRecognisedAtVersion4AndNotRecreated(Dialect dialect) throws Exception {
        try (EmptyDatabase db = EmptyDatabase.of(dialect)) {
            Jdbi jdbi = db.jdbi();
            SchemaSnapshot.runByHand(jdbi, dialect, PREFIX, 4);
            jdbi.useHandle(h -> h.execute("INSERT INTO sari_locks (name, owner, locked_at, expires_at, fence)"
                    + " VALUES ('tenant:kept', 'engine-old', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 7)"));
            List<String> columns = SchemaSnapshot.columns(jdbi, PREFIX);

            List<String> created = db.installer(PREFIX).install();

            assertThat(created).isEmpty();
            assertThat(SchemaSnapshot.history(jdbi, PREFIX)).first()
                    .isEqualTo("4|<< sari-sync baseline >>|BASELINE|<< sari-sync baseline >>|null|true");
            assertThat(SchemaSnapshot.history(jdbi, PREFIX)).hasSize(1 + Migrations.of(dialect).size() - 4);
            assertThat(SchemaSnapshot.columns(jdbi, PREFIX)).containsAll(columns);
            long fence = jdbi.withHandle(h -> h.createQuery("SELECT fence FROM sari_locks WHERE name = 'tenant:kept'")
                    .mapTo(Long.class).one());
            assertThat(fence).isEqualTo(7L);
            Flyway flyway = db.flyway(PREFIX);
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(flyway.migrate().migrationsExecuted).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aDatabaseFromBeforeTheOutboxClaimsGetsOnlyTheMissingMigrations(Dialect dialect) throws Exception {
        try (EmptyDatabase old = EmptyDatabase.of(dialect); EmptyDatabase fresh = EmptyDatabase.of(dialect)) {
            SchemaSnapshot.runByHand(old.jdbi(), dialect, PREFIX, 2);

            List<String> created = old.installer(PREFIX).install();
            fresh.installer(PREFIX).install();

            assertThat(created).isEmpty();
            List<String> history = SchemaSnapshot.history(old.jdbi(), PREFIX);
            assertThat(history).first().asString().startsWith("2|<< sari-sync baseline >>|BASELINE");
            assertThat(history.subList(1, history.size())).extracting(row -> row.substring(0, row.indexOf('|')))
                    .containsExactlyElementsOf(Migrations.of(dialect).stream().skip(2).map(Migration::version).toList());
            assertThat(history.subList(1, history.size()))
                    .isEqualTo(SchemaSnapshot.history(fresh.jdbi(), PREFIX).subList(2, history.size() + 1));
            assertThat(SchemaSnapshot.columns(old.jdbi(), PREFIX)).isEqualTo(SchemaSnapshot.columns(fresh.jdbi(), PREFIX));
            assertThat(old.flyway(PREFIX).validateWithResult().validationSuccessful).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aFailingMigrationIsNamedAndOnPostgresqlLeavesNothingBehind(Dialect dialect) throws Exception {
        try (EmptyDatabase db = EmptyDatabase.of(dialect)) {
            Jdbi jdbi = db.jdbi();
            // a view where V1 wants a table: CREATE TABLE IF NOT EXISTS skips it, its index cannot be made
            jdbi.useHandle(h -> h.execute("CREATE VIEW sari_courses AS SELECT 1 AS part_id"));
            SchemaInstaller installer = db.installer(PREFIX);

            assertThatThrownBy(installer::install).isInstanceOf(JdbcStoreException.class)
                    .hasMessageContaining("schema migration db/migration/sari/" + dialect.resourceSuffix()
                            + "/V1__sari_schema.sql failed: database error");

            if (dialect == Dialect.POSTGRESQL) {
                assertThat(installer.missingTables()).contains("sari_tenants", "sari_course_groups");
                int histories = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_name = 'sari_schema_history'").mapTo(Integer.class).one());
                assertThat(histories).isZero();
            }
        }
    }
}
