package io.github.sarisync.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The plumbing of the tests' JDBC wrappers (a {@code DataSource} whose connections and statements
 * count, fail or block on purpose): a dynamic proxy of one interface, and the call through to the
 * wrapped object that throws what the wrapped object threw.
 */
public final class JdbcProxies {
    private JdbcProxies() {
    }

    /** What a proxy does with one call. */
    public interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    /** A proxy of {@code type} handing every call to {@code call}. */
    public static <T> T proxy(Class<T> type, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.invoke(method, args);
        return type.cast(Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[]{type}, handler));
    }

    /** Calls {@code method} on {@code target}, throwing its own exception rather than a reflective wrapper. */
    public static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
