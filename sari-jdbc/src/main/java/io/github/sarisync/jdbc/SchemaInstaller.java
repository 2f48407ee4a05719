package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Database;
import io.github.sarisync.internal.jdbc.Migration;
import io.github.sarisync.internal.jdbc.Migrations;
import io.github.sarisync.internal.jdbc.SchemaMigrator;
import io.github.sarisync.internal.jdbc.Statements;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Installs and upgrades sari-sync's schema. The schema is the versioned migrations shipped in the jar,
 * {@code db/migration/sari/<dialect>/V<version>__<description>.sql} (see {@link #migrationLocation(Dialect)});
 * there is no other copy of it. {@link #install()} runs those the database lacks, in version order, each
 * with {@value Statements#PREFIX_PLACEHOLDER} replaced by the table prefix, and records each in the
 * table {@code <prefix>schema_history} ({@link #historyTable()}) the way Flyway records a migration:
 * same columns (installed_rank, version, description, type, script, checksum, installed_by, installed_on,
 * execution_time, success), same checksums. Running it again is a no-op. Which files there are comes
 * from {@code db/migration/sari/migrations.index}, which the build writes from the folder (no listing
 * of the classpath at run time, so it works from any jar); a new migration is a pair of files only.
 *
 * <p>Why its own runner and not Flyway: sari-jdbc needs no migration library, and a host's Flyway (its
 * version, its database module, its own history and locations) is left alone. What it writes is
 * Flyway's, so a host can move to Flyway later: configured with the location {@code
 * classpath:db/migration/sari/<dialect>}, {@code table=<prefix>schema_history} and the placeholder
 * {@code sari_prefix}, Flyway sees every installed migration as applied and validates the checksums.
 *
 * <p>Upgrades: a database an older release installed (one script, no history) is recognised by its
 * tables and columns; the version they show is recorded as a Flyway {@code BASELINE} row and only the
 * later migrations run. A table dropped by hand while its migration is recorded is created again: the
 * migrations only create what is missing ({@code CREATE ... IF NOT EXISTS}, {@code ADD COLUMN IF NOT
 * EXISTS}), never drop or change anything, and may run again (the one data step, V5's stamp of
 * {@code gave_up_at} on the outbox entries an older release gave up on, touches only rows without one). One run at a time: on PostgreSQL the run
 * is one transaction holding an advisory lock (installers in other processes wait, then find the work
 * done; a failed run leaves nothing); on H2, which commits each DDL statement, installers in this JVM
 * take turns.
 *
 * <pre>{@code
 * new SchemaInstaller(jdbi, Dialect.POSTGRESQL, "sari_").install();
 * }</pre>
 */
public final class SchemaInstaller {
    /** The tables sari-sync owns, without prefix (the history table, {@link #historyTable()}, aside). */
    public static final List<String> TABLES = List.of("tenants", "course_groups", "courses", "course_members",
            "sync_runs", "locks", "enrollment_outbox");
    /** The Flyway placeholder the migrations use for the table prefix. */
    public static final String PREFIX_PLACEHOLDER_NAME = "sari_prefix";

    static final String DEFAULT_PREFIX = "sari_";
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    private final Database database;
    private final SchemaMigrator migrator;

    /**
     * @param tablePrefix prefix of every table and index name, {@code [a-z][a-z0-9_]*}, at most 30 characters
     */
    public SchemaInstaller(Jdbi jdbi, Dialect dialect, String tablePrefix) {
        this(jdbi, dialect, tablePrefix, Clock.systemUTC());
    }

    /**
     * @param tablePrefix prefix of every table and index name, {@code [a-z][a-z0-9_]*}, at most 30 characters
     * @param clock       times each migration for the history's {@code execution_time}
     */
    public SchemaInstaller(Jdbi jdbi, Dialect dialect, String tablePrefix, Clock clock) {
        Objects.requireNonNull(jdbi, "jdbi");
        Objects.requireNonNull(dialect, "dialect");
        requireValidPrefix(tablePrefix);
        this.database = new Database(jdbi, Statements.load(dialect, tablePrefix));
        this.migrator = new SchemaMigrator(database, dialect, tablePrefix, TABLES, Objects.requireNonNull(clock, "clock"));
    }

    /** The classpath location of a dialect's migrations, as Flyway takes it: {@code classpath:db/migration/sari/h2}. */
    public static String migrationLocation(Dialect dialect) {
        return "classpath:" + Migrations.folder(dialect);
    }

    /**
     * Every migration of a dialect in version order with the prefix applied, as one script, for operators
     * who run it by hand. It records no history; a later {@link #install()} recognises the tables it made.
     */
    public static String script(Dialect dialect, String tablePrefix) {
        String prefix = requireValidPrefix(tablePrefix);
        StringBuilder script = new StringBuilder();
        for (Migration migration : Migrations.of(dialect)) {
            script.append("-- ").append(migration.script()).append('\n').append(migration.sql(prefix).strip())
                    .append("\n\n");
        }
        return script.toString();
    }

    /** The history table of this prefix, {@code <prefix>schema_history}. */
    public String historyTable() {
        return migrator.historyTable();
    }

    /**
     * Runs the migrations the database lacks and records them; creates a table that is missing though
     * its migration is recorded.
     *
     * @return the tables it created (with prefix), empty when all were there
     * @throws JdbcStoreException naming the migration whose statement failed
     */
    public List<String> install() {
        return migrator.migrate().createdTables();
    }

    /** The key of the PostgreSQL advisory lock {@link #install()} holds (fixed per history table). */
    long lockKey() {
        return migrator.lockKey();
    }

    /** The tables (with prefix) that do not exist yet. */
    public List<String> missingTables() {
        return database.withHandle(migrator::missingTables);
    }

    static String requireValidPrefix(String tablePrefix) {
        if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must match [a-z][a-z0-9_]* with at most 30 characters, was '"
                    + tablePrefix + "'");
        }
        return tablePrefix;
    }
}
