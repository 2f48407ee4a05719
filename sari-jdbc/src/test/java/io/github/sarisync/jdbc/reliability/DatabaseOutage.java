package io.github.sarisync.jdbc.reliability;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.sarisync.jdbc.JdbcProxies.forward;
import static io.github.sarisync.jdbc.JdbcProxies.proxy;

/**
 * A database that goes away for a while, between a DataSource without pool and the stores: while
 * the outage lasts every new connection is refused, and every connection that was open when it
 * began is cut (really closed, so the database aborts its transaction) at its next statement.
 *
 * <p>{@link #beginMidWrite()} lets the outage begin at a known point: in the middle of the next
 * write transaction, after its first statement.
 */
final class DatabaseOutage {
    static final String MESSAGE = "database unavailable (injected outage)";

    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;
    private volatile boolean armed;
    private volatile boolean happened;

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, (method, args) -> {
            if (method.getName().equals("getConnection")) {
                if (down) {
                    throw refusal("08001");
                }
                Connection connection = (Connection) forward(target, method, args);
                open.add(connection);
                return connection(connection);
            }
            return forward(target, method, args);
        });
    }

    /** The outage begins in the middle of the next write transaction. */
    void beginMidWrite() {
        armed = true;
    }

    /** The outage begins now: connections are refused, open ones are cut. */
    void begin() {
        armed = false;
        down = true;
        happened = true;
        for (Connection connection : open) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot cut a connection", e);
            }
        }
    }

    /** The database is back: new connections work again. */
    void end() {
        down = false;
    }

    boolean isDown() {
        return down;
    }

    /** True once an outage has begun. */
    boolean happened() {
        return happened;
    }

    /** Connections and statements refused so far. */
    int refused() {
        return refused.get();
    }

    private Connection connection(Connection target) {
        boolean[] inTransaction = {false};
        int[] statements = {0};
        return proxy(Connection.class, (method, args) -> {
            String name = method.getName();
            if (name.equals("close")) {
                open.remove(target);
            } else if (name.equals("setAutoCommit")) {
                inTransaction[0] = !((Boolean) args[0]);
                statements[0] = 0;
            }
            Object result = forward(target, method, args);
            if (result instanceof Statement s && name.matches("prepareStatement|createStatement")) {
                return statement(s, method.getReturnType(), inTransaction, statements);
            }
            return result;
        });
    }

    private Object statement(Statement target, Class<?> type, boolean[] inTransaction, int[] statements) {
        return proxy(type, (method, args) -> {
            if (method.getName().startsWith("execute")) {
                if (armed && inTransaction[0] && ++statements[0] == 2) {
                    begin();
                }
                if (down) {
                    throw refusal("08006");
                }
            }
            return forward(target, method, args);
        });
    }

    private SQLTransientConnectionException refusal(String sqlState) {
        refused.incrementAndGet();
        return new SQLTransientConnectionException(MESSAGE, sqlState);
    }
}
