package io.github.sarisync.internal.jdbc;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * The stores' access to the database: a {@link Jdbi} (possibly the host's) and the named statements
 * of its dialect. Handles are configured here, per handle, so a host's Jdbi settings are not
 * changed: statements are used as written (no template engine), only {@code :name} parameters
 * are bound.
 */
public final class Database {
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

    /** Runs {@code callback} on a handle in auto-commit mode: each statement is its own transaction. */
    public <R> R withHandle(HandleCallback<R, RuntimeException> callback) {
        return jdbi.withHandle(handle -> callback.withHandle(configure(handle)));
    }

    /** Runs {@code callback} in one transaction: committed when it returns, rolled back when it throws. */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
        return jdbi.withHandle(handle -> configure(handle).inTransaction(callback));
    }

    private static Handle configure(Handle handle) {
        handle.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
        return handle;
    }
}
