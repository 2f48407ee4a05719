package io.github.sarisync.internal.jdbc;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/**
 * Recognises a schema that sari-sync's installer made before it kept a history: it ran one script,
 * {@code schema-<dialect>.sql}, equal to the migrations 1 to 4 as far as that release knew them, and
 * recorded nothing. What such a database shows tells how far it got: the version is the last one of
 * the steps below whose tables and columns are all there (each step needs the ones before it).
 *
 * <p>Frozen: every version after 4 was only ever installed with a history, so a new migration never
 * adds a step here.
 */
final class LegacySchema {
    /** What a version's migration made: tables and {@code table.column}s, without prefix. */
    private record Step(String version, List<String> tables, List<String> columns) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("1", List.of("tenants", "course_groups", "courses", "course_members", "sync_runs", "locks"),
                    List.of()),
            new Step("2", List.of("enrollment_outbox"), List.of()),
            new Step("3", List.of(), List.of("enrollment_outbox.claim_token", "enrollment_outbox.claimed_until",
                    "enrollment_outbox.in_flight")),
            new Step("4", List.of(), List.of("locks.fence")));

    private LegacySchema() {
    }

    /**
     * The version an older installer's schema is at, or empty when not even the first migration's tables
     * are all there (then every migration runs; they only create what is missing).
     */
    static Optional<String> version(Database database, Handle handle, String tablePrefix) {
        String reached = null;
        for (Step step : STEPS) {
            if (!complete(step, database, handle, tablePrefix)) {
                break;
            }
            reached = step.version();
        }
        return Optional.ofNullable(reached);
    }

    private static boolean complete(Step step, Database database, Handle handle, String tablePrefix) {
        for (String table : step.tables()) {
            if (!tableExists(database, handle, tablePrefix + table)) {
                return false;
            }
        }
        for (String column : step.columns()) {
            int dot = column.indexOf('.');
            int count = handle.createQuery(database.sql("schema.columnExists"))
                    .bind("table", tablePrefix + column.substring(0, dot)).bind("column", column.substring(dot + 1))
                    .mapTo(Integer.class).one();
            if (count == 0) {
                return false;
            }
        }
        return true;
    }

    static boolean tableExists(Database database, Handle handle, String table) {
        return handle.createQuery(database.sql("schema.tableExists")).bind("table", table)
                .mapTo(Integer.class).one() > 0;
    }
}
