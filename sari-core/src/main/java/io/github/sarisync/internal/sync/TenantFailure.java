package io.github.sarisync.internal.sync;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Stops a tenant's run: the tenant is FAILED with {@code code} and the message (which names the
 * call and never holds a secret).
 */
final class TenantFailure extends RuntimeException {
    private static final String STATEMENT_CONTEXT = "[statement:";
    private final String code;

    TenantFailure(String code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    /** Runs a store call; what it throws becomes a STORE_ERROR naming the call. */
    static <T> T store(String call, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (TenantFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TenantFailure("STORE_ERROR", call + " failed: " + describe(e), e);
        }
    }

    static void store(String call, Runnable action) {
        store(call, () -> {
            action.run();
            return null;
        });
    }

    /**
     * An exception's type and message, cut short (store messages can be long), without what a
     * database store's errors repeat of the failed statement: its bound values may be personal
     * data. For a failure with an SQLException among its causes, the deepest one that is not a
     * batch error speaks (a driver's batch error repeats the statement with its values), first
     * line only (PostgreSQL's detail lines name key values); otherwise the exception's own message,
     * without a statement context Jdbi appends after {@value #STATEMENT_CONTEXT}.
     */
    static String describe(Throwable e) {
        Throwable sql = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException && !(t instanceof BatchUpdateException)) {
                sql = t;
            }
        }
        String text;
        if (sql != null && sql != e) {
            text = e.getClass().getSimpleName() + ": " + sql.getClass().getSimpleName() + ": "
                    + firstLine(sql.getMessage());
        } else {
            String message = e.getMessage();
            int context = message == null ? -1 : message.indexOf(STATEMENT_CONTEXT);
            if (context >= 0) {
                message = message.substring(0, context).stripTrailing();
            }
            text = e.getClass().getSimpleName() + (message == null ? "" : ": "
                    + (sql != null ? firstLine(message) : message));
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
