package io.github.sarisync.jdbc;

/**
 * A database error of a sari-jdbc store, translated at the store so that it can be logged, shown and
 * written to the run log safely: the message names the statement (e.g. {@code course.upsertMember}),
 * the SQLState and its class ("data exception", "integrity constraint violation", ...), never the
 * SQL text or a bound value (names, birthdates, faberids). Drivers quote values in their messages
 * (H2 even in the first line: "Value too long for column ...: 'Anna ...'"), so the driver's words
 * are kept only for connection errors, which hold none. The cause is a stand-in with the same
 * message and stack trace, not the driver's exception.
 */
public final class JdbcStoreException extends RuntimeException {
    private final String sqlState;

    /** For the stores only: {@code message} and {@code cause} must hold no value. */
    public JdbcStoreException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The SQLState of the driver's error (e.g. {@code 22001} value too long), or null when it gave none. */
    public String sqlState() {
        return sqlState;
    }
}
