package io.github.sarisync.examples.harness;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Counts, at the JDBC level, what a {@link DataSource} is asked to do: every {@code execute...}
 * call is one statement (an {@code executeBatch} is one: one round trip to the database), and the
 * rows that writes to the course tables ({@code course_groups}, {@code courses},
 * {@code course_members}, whatever the table prefix) report as changed. Thread-safe.
 */
public final class JdbcCounters {
    private static final Pattern COURSE_WRITE = Pattern.compile(
            "(?is)^\\s*(insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+\"?\\w*(course_groups|courses|course_members)\\b");

    /** Whether a SQL text writes course data, by text: an application runs few distinct statements. */
    private static final Map<String, Boolean> COURSE_WRITES = new ConcurrentHashMap<>();

    private final LongAdder statements = new LongAdder();
    private final LongAdder courseRowsWritten = new LongAdder();

    /** Statements executed since the last {@link #reset()}. */
    public long statements() {
        return statements.sum();
    }

    /** Course, group and member rows inserted, updated or deleted since the last {@link #reset()}. */
    public long courseRowsWritten() {
        return courseRowsWritten.sum();
    }

    public void reset() {
        statements.reset();
        courseRowsWritten.reset();
    }

    /** The data source, counting through these counters. */
    public DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args) -> {
            Object result = method.invoke(target, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args) -> {
            Object result = method.invoke(target, args);
            if (result instanceof Statement statement && createsStatement(method.getName())) {
                boolean courseWrite = args != null && args.length > 0 && args[0] instanceof String sql && isCourseWrite(sql);
                return statement(statement, method.getReturnType(), courseWrite);
            }
            return result;
        });
    }

    private static boolean createsStatement(String method) {
        return switch (method) {
            case "prepareStatement", "createStatement", "prepareCall" -> true;
            default -> false;
        };
    }

    private static boolean isCourseWrite(String sql) {
        Boolean known = COURSE_WRITES.get(sql);
        if (known != null) {
            return known;
        }
        boolean write = COURSE_WRITE.matcher(sql).lookingAt();
        if (COURSE_WRITES.size() < 10_000) {
            COURSE_WRITES.put(sql, write);
        }
        return write;
    }

    private Object statement(Statement target, Class<?> type, boolean preparedCourseWrite) {
        return proxy(type, target, (method, args) -> {
            String name = method.getName();
            if (!name.startsWith("execute")) {
                return method.invoke(target, args);
            }
            statements.increment();
            Object result = method.invoke(target, args);
            boolean courseWrite = args != null && args.length > 0 && args[0] instanceof String sql
                    ? isCourseWrite(sql) : preparedCourseWrite;
            if (courseWrite) {
                courseRowsWritten.add(rows(target, result));
            }
            return result;
        });
    }

    private static long rows(Statement statement, Object result) throws java.sql.SQLException {
        if (result instanceof int[] counts) {
            long sum = 0;
            for (int count : counts) {
                sum += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
            }
            return sum;
        }
        if (result instanceof long[] counts) {
            long sum = 0;
            for (long count : counts) {
                sum += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
            }
            return sum;
        }
        if (result instanceof Number count) {
            return Math.max(count.longValue(), 0);
        }
        if (result instanceof Boolean hasResultSet && !hasResultSet) {
            return Math.max(statement.getUpdateCount(), 0);
        }
        return 0;
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
        return type.cast(Proxy.newProxyInstance(JdbcCounters.class.getClassLoader(), new Class<?>[]{type}, handler));
    }
}
