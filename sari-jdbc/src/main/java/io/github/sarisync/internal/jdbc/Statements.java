package io.github.sarisync.internal.jdbc;

import io.github.sarisync.jdbc.Dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named SQL statements of one dialect with the table prefix applied: those of
 * {@code io/github/sarisync/jdbc/statements.sql}, written once for every dialect, where
 * {@code statements-<dialect>.sql} replaces the few whose SQL differs on that database (a name defined
 * there wins). These files are the only place where sari-jdbc's statements live.
 *
 * <p>File format: a line {@code -- name: some.name} starts a statement, which runs until the next such
 * line; other lines starting with {@code --} are comments. {@value #PREFIX_PLACEHOLDER} is replaced by
 * the table prefix.
 */
public final class Statements {
    public static final String PREFIX_PLACEHOLDER = "${sari_prefix}";
    private static final String NAME_MARKER = "-- name:";
    private static final String COMMON = "statements.sql";

    private final Dialect dialect;
    private final Map<String, String> byName;

    private Statements(Dialect dialect, Map<String, String> byName) {
        this.dialect = dialect;
        this.byName = Map.copyOf(byName);
    }

    /** The statements of a dialect with the given table prefix applied. */
    public static Statements load(Dialect dialect, String tablePrefix) {
        Map<String, String> byName = read(COMMON, tablePrefix);
        byName.putAll(read(overridesResource(dialect), tablePrefix));
        return new Statements(dialect, byName);
    }

    /** The statements written once for every dialect ({@code statements.sql}). */
    public static Map<String, String> common(String tablePrefix) {
        return Map.copyOf(read(COMMON, tablePrefix));
    }

    /** The statements {@code statements-<dialect>.sql} defines for its database only (they replace common ones). */
    public static Map<String, String> overrides(Dialect dialect, String tablePrefix) {
        return Map.copyOf(read(overridesResource(dialect), tablePrefix));
    }

    private static String overridesResource(Dialect dialect) {
        return "statements-" + dialect.resourceSuffix() + ".sql";
    }

    private static Map<String, String> read(String resource, String tablePrefix) {
        return parse(resource, readResource(resource).replace(PREFIX_PLACEHOLDER, tablePrefix));
    }

    /** The statement called {@code name}. */
    public String get(String name) {
        String sql = byName.get(name);
        if (sql == null) {
            throw new IllegalStateException("no SQL statement '" + name + "' for " + dialect);
        }
        return sql;
    }

    /** The statement called {@code name}, when this dialect has one (for statements only some dialects need). */
    public Optional<String> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** The text of a resource next to {@link Dialect}, in UTF-8. */
    public static String readResource(String name) {
        try (InputStream in = Dialect.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/github/sarisync/jdbc/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    private static Map<String, String> parse(String resource, String text) {
        Map<String, String> result = new LinkedHashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith(NAME_MARKER)) {
                put(resource, result, name, sql);
                name = trimmed.substring(NAME_MARKER.length()).strip();
                sql.setLength(0);
            } else if (!trimmed.startsWith("--") && !trimmed.isEmpty() && name != null) {
                sql.append(line.stripTrailing()).append('\n');
            }
        }
        put(resource, result, name, sql);
        return result;
    }

    private static void put(String resource, Map<String, String> result, String name, StringBuilder sql) {
        if (name == null) {
            return;
        }
        if (sql.isEmpty() || result.putIfAbsent(name, sql.toString().strip()) != null) {
            throw new IllegalStateException(resource + ": statement '" + name + "' is empty or defined twice");
        }
    }
}
