package io.github.sarisync.internal.jdbc;

import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.LeaseLostException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import io.github.sarisync.jdbc.JdbcStoreException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The stores' access to the database: a {@link Jdbi} (possibly the host's) and the named statements
 * of its dialect. Handles are configured here, per handle, so a host's Jdbi settings are not
 * changed: statements are used as written (no template engine), only {@code :name} parameters
 * are bound.
 */
public final class Database {
    /** Where Jdbi appends the statement and its bound values to its messages. */
    private static final String STATEMENT_CONTEXT = "[statement:";

    private final Jdbi jdbi;
    private final Statements statements;

    public Database(Jdbi jdbi, Statements statements) {
        this.jdbi = jdbi;
        this.statements = statements;
    }

    /** The SQL of a named statement of this dialect. */
    public String sql(String name) {
        return statements.get(name);
    }

    /** The SQL of a named statement only some dialects have (see {@link Statements#find(String)}). */
    public Optional<String> optionalSql(String name) {
        return statements.find(name);
    }

    /**
     * Runs {@code callback} on a handle in auto-commit mode: each statement is its own transaction.
     *
     * @throws JdbcStoreException for a database error, without statement or values
     */
    public <R> R withHandle(HandleCallback<R, RuntimeException> callback) {
        try {
            return jdbi.withHandle(handle -> callback.withHandle(configure(handle)));
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    /**
     * Runs {@code callback} in one transaction: committed when it returns, rolled back when it throws.
     *
     * @throws JdbcStoreException for a database error, without statement or values
     */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
        try {
            return jdbi.withHandle(handle -> configure(handle).inTransaction(callback));
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    /**
     * A database error as a {@link JdbcStoreException} that holds no statement and no bound value
     * (see {@link SafeErrors}); other exceptions (a store's own checks, a cipher's) unchanged.
     */
    static RuntimeException translated(RuntimeException e) {
        if (e instanceof JdbcStoreException) {
            return e;
        }
        SQLException sql = SafeErrors.sqlCause(e);
        if (sql != null) {
            String text = SafeErrors.describe(sql);
            SQLException standIn = new SQLException(text, sql.getSQLState(), sql.getErrorCode());
            standIn.setStackTrace(sql.getStackTrace());
            JdbcStoreException translated = new JdbcStoreException("database error: " + text, sql.getSQLState(),
                    standIn);
            translated.setStackTrace(e.getStackTrace());
            return translated;
        }
        if (e instanceof JdbiException) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            int context = message.indexOf(STATEMENT_CONTEXT);
            message = (context < 0 ? message : message.substring(0, context)).strip();
            int newline = message.indexOf('\n');
            JdbcStoreException translated = new JdbcStoreException("database error: " + e.getClass().getSimpleName()
                    + (message.isEmpty() ? "" : ": " + (newline < 0 ? message : message.substring(0, newline))),
                    null, null);
            translated.setStackTrace(e.getStackTrace());
            return translated;
        }
        return e;
    }

    /**
     * Runs {@code callback} in one transaction that first checks {@code lease} (statement
     * {@code lock.check}) and keeps the lease row locked until the commit: a new take of the lease
     * waits for this write, and a write whose lease expired or was taken again writes nothing.
     * Without a lease ({@code null}) the transaction has no check.
     *
     * @param write names the write in the {@link LeaseLostException}
     * @throws LeaseLostException when the lease is no longer held under its take
     */
    public <R> R inFencedTransaction(Lease lease, String write, HandleCallback<R, RuntimeException> callback) {
        return inTransaction(handle -> {
            requireLease(handle, lease, write);
            return callback.withHandle(handle);
        });
    }

    /** A single-statement write: as is without a lease, else in a fenced transaction ({@link #inFencedTransaction}). */
    public <R> R fencedWrite(Lease lease, String write, HandleCallback<R, RuntimeException> callback) {
        return lease == null ? withHandle(callback) : inFencedTransaction(lease, write, callback);
    }

    private void requireLease(Handle handle, Lease lease, String write) {
        if (lease == null) {
            return;
        }
        boolean held = handle.createQuery(sql("lock.check")).bind("name", lease.name()).bind("owner", lease.owner())
                .bind("fence", lease.fence()).mapTo(Long.class).findOne().isPresent();
        if (!held) {
            throw new LeaseLostException(lease, write);
        }
    }

    private static Handle configure(Handle handle) {
        handle.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
        return handle;
    }
}
