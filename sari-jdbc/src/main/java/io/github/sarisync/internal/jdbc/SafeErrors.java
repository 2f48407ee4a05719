package io.github.sarisync.internal.jdbc;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

/**
 * What may be told of a database error without its values. Drivers repeat statements with their
 * bound values in batch errors (PostgreSQL) and quote the offending value in the first line of
 * data and constraint errors (H2), so only the SQLState, its class and the exception type are kept,
 * plus the driver's first line for connection errors, which describe the connection only.
 */
public final class SafeErrors {
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("08", "connection exception"),
            Map.entry("0A", "feature not supported"),
            Map.entry("21", "cardinality violation"),
            Map.entry("22", "data exception"),
            Map.entry("23", "integrity constraint violation"),
            Map.entry("25", "invalid transaction state"),
            Map.entry("28", "invalid authorization"),
            Map.entry("40", "transaction rollback"),
            Map.entry("42", "syntax error or access rule violation"),
            Map.entry("53", "insufficient resources"),
            Map.entry("54", "program limit exceeded"),
            Map.entry("55", "object not in prerequisite state"),
            Map.entry("57", "operator intervention"),
            Map.entry("58", "system error"),
            Map.entry("HY", "driver error"));
    private static final int MAX_LINE = 200;

    private SafeErrors() {
    }

    /** The driver's error behind {@code e}: the deepest SQLException that is not a batch error, or null. */
    public static SQLException sqlCause(Throwable e) {
        SQLException found = null;
        SQLException batch = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof BatchUpdateException b) {
                batch = b;
            } else if (t instanceof SQLException sql) {
                found = sql;
            }
        }
        return found != null ? found : batch;
    }

    /**
     * A description without values, e.g. {@code SQLState 22001 (data exception,
     * JdbcSQLDataException)} or, for a connection error, {@code SQLState 08006 (connection exception,
     * PSQLException): An I/O error occurred while sending to the backend.}
     */
    public static String describe(SQLException sql) {
        String state = sql.getSQLState();
        String kind = state != null && state.length() >= 2 ? CLASSES.getOrDefault(state.substring(0, 2),
                "database error") : "database error";
        String text = "SQLState " + (state == null ? "unknown" : state) + " (" + kind + ", "
                + sql.getClass().getSimpleName() + ")";
        if (isConnectionError(sql)) {
            text += ": " + firstLine(sql.getMessage());
        }
        return text;
    }

    private static boolean isConnectionError(SQLException sql) {
        String state = sql.getSQLState();
        return !(sql instanceof BatchUpdateException) && (state != null && state.startsWith("08")
                || sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(0, newline)).strip();
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line;
    }
}
