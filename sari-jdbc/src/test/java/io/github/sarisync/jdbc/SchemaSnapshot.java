package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Migration;
import io.github.sarisync.internal.jdbc.Migrations;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * What a test compares of a schema: its columns and indexes, and its migration history; plus an empty
 * database of either dialect and a real Flyway on it.
 */
final class SchemaSnapshot {
    private SchemaSnapshot() {
    }

    /** An empty database: a fresh H2 in memory, or a new database on the shared embedded PostgreSQL. */
    record EmptyDatabase(Dialect dialect, DataSource dataSource, AutoCloseable closer) implements AutoCloseable {
        static EmptyDatabase of(Dialect dialect) {
            if (dialect == Dialect.H2) {
                DataSource ds = TestDatabase.h2DataSource();
                return new EmptyDatabase(dialect, ds, () -> execute(ds, "SHUTDOWN"));
            }
            EmbeddedPostgresServer.Database db = EmbeddedPostgresServer.newDatabase();
            return new EmptyDatabase(dialect, db.pooled(), db);
        }

        Jdbi jdbi() {
            return Jdbi.create(dataSource);
        }

        SchemaInstaller installer(String prefix) {
            return new SchemaInstaller(jdbi(), dialect, prefix);
        }

        /** Flyway as a host would configure it for sari-sync's migrations and the installer's history table. */
        Flyway flyway(String prefix) {
            return Flyway.configure().dataSource(dataSource)
                    .locations(SchemaInstaller.migrationLocation(dialect))
                    .table(prefix + "schema_history")
                    .placeholders(Map.of(SchemaInstaller.PREFIX_PLACEHOLDER_NAME, prefix))
                    .load();
        }

        @Override
        public void close() throws Exception {
            closer.close();
        }
    }

    /** "table.column type" of every column of the prefix's tables (prefix cut off), history table aside. */
    static List<String> columns(Jdbi jdbi, String prefix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT lower(table_name) AS t, lower(column_name) AS c,"
                        + " data_type AS d, is_nullable AS n FROM information_schema.columns"
                        + " WHERE lower(table_name) LIKE :prefix AND lower(table_name) <> :history"
                        + " ORDER BY lower(table_name), lower(column_name)")
                .bind("prefix", prefix + "%").bind("history", prefix + "schema_history")
                .map((rs, ctx) -> rs.getString("t").substring(prefix.length()) + "." + rs.getString("c") + " "
                        + rs.getString("d") + " " + rs.getString("n"))
                .list());
    }

    /** The names of the prefix's indexes (prefix cut off). */
    static List<String> indexes(Jdbi jdbi, Dialect dialect, String prefix) {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT lower(indexname) FROM pg_indexes WHERE schemaname = current_schema()"
                        + " AND lower(indexname) LIKE :prefix ORDER BY 1"
                : "SELECT lower(index_name) FROM information_schema.indexes WHERE table_schema = CURRENT_SCHEMA"
                        + " AND lower(index_name) LIKE :prefix ORDER BY 1";
        return jdbi.withHandle(h -> h.createQuery(sql).bind("prefix", prefix + "%").mapTo(String.class).list())
                .stream().map(name -> name.substring(prefix.length())).toList();
    }

    /**
     * The migration rows of the history as "version|description|type|script|checksum|success", in installed
     * order (Flyway's marker row for creating the table, type TABLE, aside).
     */
    static List<String> history(Jdbi jdbi, String prefix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT \"version\", \"description\", \"type\", \"script\","
                        + " \"checksum\", \"success\" FROM \"" + prefix + "schema_history\" WHERE \"type\" <> 'TABLE'"
                        + " ORDER BY \"installed_rank\"")
                .map((rs, ctx) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                        + rs.getString(4) + "|" + rs.getObject(5) + "|" + rs.getBoolean(6))
                .list());
    }

    /** The installed-on times of the history rows: they change only when a row is written again. */
    static List<String> installedOn(Jdbi jdbi, String prefix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT \"installed_rank\", \"installed_on\" FROM \"" + prefix
                        + "schema_history\" ORDER BY \"installed_rank\"")
                .map((rs, ctx) -> rs.getInt(1) + "@" + rs.getString(2)).list());
    }

    /** Runs every statement of the first {@code count} migrations by hand, as an older release's installer did. */
    static void runByHand(Jdbi jdbi, Dialect dialect, String prefix, int count) {
        List<Migration> migrations = Migrations.of(dialect).subList(0, count);
        jdbi.useHandle(h -> migrations.forEach(m -> m.statements(prefix).forEach(h::execute)));
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection connection = ds.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
