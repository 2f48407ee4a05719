package io.github.sarisync.internal.jdbc;

import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * The table {@code <prefix>schema_history}: which migrations ran, in the layout of Flyway's
 * {@code flyway_schema_history} (installed_rank, version, description, type, script, checksum, installed_by,
 * installed_on, execution_time, success; names quoted as Flyway quotes them). A Flyway configured with
 * {@code table=<prefix>schema_history} and the same location reads it as its own history.
 */
final class SchemaHistory {
    /** Flyway's type of a versioned SQL migration's row. */
    static final String SQL = "SQL";
    /** Flyway's type of a baseline row: every version up to it counts as applied. */
    static final String BASELINE = "BASELINE";
    static final String BASELINE_DESCRIPTION = "<< sari-sync baseline >>";

    /** One row of the history. */
    record Entry(int installedRank, String version, String type, String script, Integer checksum, boolean success) {
    }

    private final Database database;
    private final Handle handle;

    SchemaHistory(Database database, Handle handle) {
        this.database = database;
        this.handle = handle;
    }

    /** Creates the table and its index where missing. */
    void create() {
        handle.execute(database.sql("history.create"));
        handle.execute(database.sql("history.createIndex"));
    }

    /** Every row, in the order installed. */
    List<Entry> entries() {
        return handle.createQuery(database.sql("history.applied"))
                .map((rs, ctx) -> new Entry(rs.getInt("installed_rank"), rs.getString("version"), rs.getString("type"),
                        rs.getString("script"), rs.getObject("checksum", Integer.class),
                        rs.getBoolean("success")))
                .list();
    }

    /** Records that the schema of an older installer already had every version up to {@code version}. */
    void baseline(int rank, String version) {
        insert(rank, version, BASELINE_DESCRIPTION, BASELINE, BASELINE_DESCRIPTION, null, 0);
    }

    /** Records that {@code migration} ran, with its checksum and how long it took. */
    void applied(int rank, Migration migration, int checksum, int executionMillis) {
        insert(rank, migration.version(), migration.description(), SQL, migration.script(), checksum, executionMillis);
    }

    private void insert(int rank, String version, String description, String type, String script, Integer checksum,
                        int executionMillis) {
        handle.createUpdate(database.sql("history.insert"))
                .bind("installedRank", rank).bind("version", version).bind("description", description)
                .bind("type", type).bind("script", script).bind("checksum", checksum)
                .bind("executionTime", executionMillis)
                .execute();
    }
}
