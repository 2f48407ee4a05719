package io.github.sarisync.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.sarisync.jdbc.JdbcProxies.forward;
import static io.github.sarisync.jdbc.JdbcProxies.proxy;

/**
 * Wraps a DataSource to count the statements executed through it (an {@code executeBatch} counts
 * as one: one round trip), and optionally to let the connection die on the Nth execution: the
 * real connection is closed (so the database aborts its transaction) and the call throws.
 */
final class StatementProbe {
    private final AtomicInteger executed = new AtomicInteger();
    private volatile int failAt;

    /** Counts only. */
    static StatementProbe counting() {
        return new StatementProbe();
    }

    /** Kills the connection on the {@code n}th statement executed from now on. */
    static StatementProbe dyingAt(int n) {
        StatementProbe probe = new StatementProbe();
        probe.failAt = n;
        return probe;
    }

    int executed() {
        return executed.get();
    }

    void reset() {
        executed.set(0);
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, (method, args) -> {
            Object result = forward(target, method, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, (method, args) -> {
            Object result = forward(target, method, args);
            return result instanceof Statement s && method.getName().matches("prepareStatement|createStatement|prepareCall")
                    ? statement(s, target, method.getReturnType()) : result;
        });
    }

    private Object statement(Statement target, Connection connection, Class<?> type) {
        return proxy(type, (method, args) -> {
            if (method.getName().startsWith("execute")) {
                int n = executed.incrementAndGet();
                if (n == failAt) {
                    connection.close();
                    throw new SQLTransientConnectionException("connection lost (injected at statement " + n + ")",
                            "08006");
                }
            }
            return forward(target, method, args);
        });
    }
}
