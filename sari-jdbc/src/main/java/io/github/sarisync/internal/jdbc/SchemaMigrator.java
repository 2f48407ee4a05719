package io.github.sarisync.internal.jdbc;

import io.github.sarisync.jdbc.Dialect;
import io.github.sarisync.jdbc.JdbcStoreException;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;

/**
 * Brings a database's sari-sync schema to the shipped migrations, the way Flyway would: the
 * {@link Migrations} not yet in the {@link SchemaHistory} run in version order and each is recorded
 * there with its checksum. A schema an older installer made without history is recognised
 * ({@link LegacySchema}) and recorded as a baseline, so only the migrations it lacks run.
 *
 * <p>One migration run at a time: on PostgreSQL the whole run is one transaction that first takes a
 * transaction-level advisory lock (statement {@code schema.lock}), so a second installer, in this
 * process or another, waits and then finds every migration recorded; DDL is transactional there, so a
 * failed run leaves nothing behind. H2 commits at each DDL statement and has no advisory lock: there
 * runs in this JVM (where an embedded database lives) take turns on a lock of the JVM, and a migration
 * cut short is run again next time, which is harmless because every migration only creates what is
 * missing.
 */
public final class SchemaMigrator {
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    /**
     * What a run did.
     *
     * @param createdTables the owned tables (with prefix) that were missing before and exist now
     * @param applied       the versions it ran and recorded, in order
     * @param baseline      the version recorded for an older installer's schema, or null
     */
    public record Result(List<String> createdTables, List<String> applied, String baseline) {
    }

    private final Database database;
    private final Dialect dialect;
    private final String tablePrefix;
    private final List<String> ownedTables;
    private final Clock clock;

    /**
     * @param ownedTables the tables, without prefix, whose absence makes the run create them again
     */
    public SchemaMigrator(Database database, Dialect dialect, String tablePrefix, List<String> ownedTables,
                          Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
        this.ownedTables = List.copyOf(ownedTables);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The name of the history table, {@code <prefix>schema_history}. */
    public String historyTable() {
        return tablePrefix + "schema_history";
    }

    /** The key of the PostgreSQL advisory lock a run holds: fixed per history table. */
    public long lockKey() {
        CRC32 crc = new CRC32();
        crc.update(("sari-sync schema " + historyTable()).getBytes(StandardCharsets.UTF_8));
        return 0x5341524900000000L | crc.getValue();
    }

    /**
     * Runs the migrations the database lacks.
     *
     * @throws JdbcStoreException    naming the migration, when a statement fails (on PostgreSQL nothing of the
     *                               run is kept)
     * @throws IllegalStateException when the history records a failed migration (left by Flyway)
     */
    public Result migrate() {
        if (database.optionalSql("schema.lock").isPresent()) {
            return database.inTransaction(this::migrate);
        }
        IN_THIS_JVM.lock();
        try {
            return database.inTransaction(this::migrate);
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    /** The owned tables (with prefix) that do not exist. */
    public List<String> missingTables(Handle handle) {
        List<String> missing = new ArrayList<>();
        for (String table : ownedTables) {
            if (!LegacySchema.tableExists(database, handle, tablePrefix + table)) {
                missing.add(tablePrefix + table);
            }
        }
        return missing;
    }

    private Result migrate(Handle handle) {
        database.optionalSql("schema.lock").ifPresent(lock ->
                handle.createQuery(lock).bind("key", lockKey()).mapTo(Integer.class).one());
        List<String> missingBefore = missingTables(handle);
        List<Migration> migrations = Migrations.of(dialect);
        SchemaHistory history = new SchemaHistory(database, handle);
        history.create();
        List<SchemaHistory.Entry> entries = history.entries();
        requireNoFailure(entries);
        int rank = entries.stream().mapToInt(SchemaHistory.Entry::installedRank).max().orElse(0);

        String baseline = baselineOf(entries);
        String recordedBaseline = null;
        if (entries.isEmpty()) {
            Optional<String> legacy = LegacySchema.version(database, handle, tablePrefix);
            if (legacy.isPresent()) {
                recordedBaseline = legacy.get();
                baseline = recordedBaseline;
                history.baseline(++rank, baseline);
            }
        }
        warnAboutChangedMigrations(migrations, entries);

        List<String> applied = new ArrayList<>();
        for (Migration migration : migrations) {
            if (isApplied(migration, entries, baseline)) {
                continue;
            }
            Instant start = clock.instant();
            run(handle, migration);
            int millis = (int) Math.min(Integer.MAX_VALUE, Duration.between(start, clock.instant()).toMillis());
            history.applied(++rank, migration, migration.checksum(), millis);
            applied.add(migration.version());
        }

        List<String> missingAfter = missingTables(handle);
        if (!missingAfter.isEmpty()) {
            log.warn("sari-sync schema: tables {} are missing on {} though their migrations are recorded in {}:"
                    + " running the migrations again (they only create what is missing)", missingAfter, dialect,
                    historyTable());
            migrations.forEach(migration -> run(handle, migration));
            missingAfter = missingTables(handle);
        }
        List<String> created = new ArrayList<>(missingBefore);
        created.removeAll(missingAfter);
        if (recordedBaseline != null) {
            log.info("sari-sync schema: {} tables of an older release recognised at version {} on {}", tablePrefix,
                    recordedBaseline, dialect);
        }
        if (!applied.isEmpty()) {
            log.info("sari-sync schema: applied migrations {} on {} (history in {})", applied, dialect, historyTable());
        }
        return new Result(List.copyOf(created), List.copyOf(applied), recordedBaseline);
    }

    private void run(Handle handle, Migration migration) {
        for (String statement : migration.statements(tablePrefix)) {
            try {
                handle.execute(statement);
            } catch (RuntimeException e) {
                RuntimeException translated = Database.translated(e);
                String sqlState = translated instanceof JdbcStoreException store ? store.sqlState() : null;
                throw new JdbcStoreException("schema migration " + Migrations.folder(dialect) + "/" + migration.script()
                        + " failed: " + translated.getMessage(), sqlState, translated);
            }
        }
    }

    private static boolean isApplied(Migration migration, List<SchemaHistory.Entry> entries, String baseline) {
        if (baseline != null && Migration.VERSION_ORDER.compare(migration.version(), baseline) <= 0) {
            return true;
        }
        return entries.stream().anyMatch(e -> SchemaHistory.SQL.equals(e.type()) && migration.isVersion(e.version()));
    }

    private static String baselineOf(List<SchemaHistory.Entry> entries) {
        return entries.stream().filter(e -> SchemaHistory.BASELINE.equals(e.type())).map(SchemaHistory.Entry::version)
                .max(Migration.VERSION_ORDER).orElse(null);
    }

    private void requireNoFailure(List<SchemaHistory.Entry> entries) {
        for (SchemaHistory.Entry entry : entries) {
            if (!entry.success()) {
                throw new IllegalStateException("sari-sync schema: " + historyTable() + " records a failed migration "
                        + entry.script() + " (version " + entry.version() + "); repair the schema and remove that row"
                        + " (e.g. flyway repair) before installing again");
            }
        }
    }

    private void warnAboutChangedMigrations(List<Migration> migrations, List<SchemaHistory.Entry> entries) {
        for (SchemaHistory.Entry entry : entries) {
            if (!SchemaHistory.SQL.equals(entry.type()) || entry.checksum() == null) {
                continue;
            }
            for (Migration migration : migrations) {
                int shipped = migration.checksum();
                if (migration.isVersion(entry.version()) && shipped != entry.checksum()) {
                    log.warn("sari-sync schema: migration {} differs from the one applied (checksum {} recorded, {}"
                            + " shipped); it is not run again, and Flyway's validate would report it", migration.script(),
                            entry.checksum(), shipped);
                }
            }
        }
    }
}
