package io.github.sarisync.jdbc;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

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
        return proxy(DataSource.class, target, (method, args) -> {
            Object result = method.invoke(target, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args) -> {
            Object result = method.invoke(target, args);
            return result instanceof Statement s && method.getName().matches("prepareStatement|createStatement|prepareCall")
                    ? statement(s, target, method.getReturnType()) : result;
        });
    }

    private Object statement(Statement target, Connection connection, Class<?> type) {
        return proxy(type, target, (method, args) -> {
            if (method.getName().startsWith("execute")) {
                int n = executed.incrementAndGet();
                if (n == failAt) {
                    connection.close();
                    throw new SQLTransientConnectionException("connection lost (injected at statement " + n + ")",
                            "08006");
                }
            }
            return method.invoke(target, args);
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementProbe.class.getClassLoader(), new Class<?>[]{type}, handler));
    }
}
