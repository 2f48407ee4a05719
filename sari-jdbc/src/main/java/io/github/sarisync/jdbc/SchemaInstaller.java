package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Database;
import io.github.sarisync.internal.jdbc.Statements;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Creates sari-sync's tables, indexes and columns where they are missing. It never drops or changes
 * anything that exists (columns added by later releases come as {@code ADD COLUMN IF NOT EXISTS}, so a
 * table an older release created is upgraded), so running it again, or on a database a Flyway
 * migration already set up, is harmless.
 *
 * <p>The script is {@code io/github/sarisync/jdbc/schema-<dialect>.sql} in the jar, with
 * {@value Statements#PREFIX_PLACEHOLDER} replaced by the table prefix. The same script ships as a
 * Flyway migration, {@code db/migration/sari/<dialect>/V1__sari_schema.sql}, for hosts that manage
 * their schema themselves (set the Flyway placeholder {@code sari_prefix}).
 *
 * <pre>{@code
 * new SchemaInstaller(jdbi, Dialect.POSTGRESQL, "sari_").install();
 * }</pre>
 */
public final class SchemaInstaller {
    /** The tables sari-sync owns, without prefix. */
    public static final List<String> TABLES = List.of("tenants", "course_groups", "courses", "course_members",
            "sync_runs", "locks", "enrollment_outbox");

    static final String DEFAULT_PREFIX = "sari_";
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");
    private static final Logger log = LoggerFactory.getLogger(SchemaInstaller.class);

    private final Database database;
    private final Dialect dialect;
    private final String tablePrefix;

    /**
     * @param tablePrefix prefix of every table and index name, {@code [a-z][a-z0-9_]*}, at most 30 characters
     */
    public SchemaInstaller(Jdbi jdbi, Dialect dialect, String tablePrefix) {
        Objects.requireNonNull(jdbi, "jdbi");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.tablePrefix = requireValidPrefix(tablePrefix);
        this.database = new Database(jdbi, Statements.load(dialect, tablePrefix));
    }

    /** The path of a dialect's schema script in the jar. */
    public static String scriptResource(Dialect dialect) {
        return "io/github/sarisync/jdbc/schema-" + dialect.resourceSuffix() + ".sql";
    }

    /** A dialect's schema script with the prefix applied, for operators who run it by hand. */
    public static String script(Dialect dialect, String tablePrefix) {
        return Statements.readResource("schema-" + dialect.resourceSuffix() + ".sql")
                .replace(Statements.PREFIX_PLACEHOLDER, requireValidPrefix(tablePrefix));
    }

    /**
     * Creates every missing table and index.
     *
     * @return the tables it created (with prefix), empty when all were there
     */
    public List<String> install() {
        List<String> missing = missingTables();
        List<String> statements = statements(script(dialect, tablePrefix));
        database.withHandle(handle -> {
            for (String statement : statements) {
                handle.execute(statement);
            }
            return null;
        });
        if (!missing.isEmpty()) {
            log.info("sari-sync schema: created tables {} on {}", missing, dialect);
        }
        return missing;
    }

    /** The tables (with prefix) that do not exist yet. */
    public List<String> missingTables() {
        return database.withHandle(handle -> {
            List<String> missing = new ArrayList<>();
            for (String table : TABLES) {
                int count = handle.createQuery(database.sql("schema.tableExists"))
                        .bind("table", tablePrefix + table).mapTo(Integer.class).one();
                if (count == 0) {
                    missing.add(tablePrefix + table);
                }
            }
            return missing;
        });
    }

    static String requireValidPrefix(String tablePrefix) {
        if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must match [a-z][a-z0-9_]* with at most 30 characters, was '"
                    + tablePrefix + "'");
        }
        return tablePrefix;
    }

    private static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> result = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";")) {
            if (!statement.isBlank()) {
                result.add(statement.strip());
            }
        }
        return result;
    }
}
