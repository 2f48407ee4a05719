package io.github.sarisync.internal.sync;

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
     * An exception's type and message, cut short (store messages can be long). A JDBC store's
     * message ends in the failed statement and its bound values (Jdbi appends them after
     * {@value #STATEMENT_CONTEXT}): those may be personal data and are left out.
     */
    static String describe(Throwable e) {
        String message = e.getMessage();
        int context = message == null ? -1 : message.indexOf(STATEMENT_CONTEXT);
        if (context >= 0) {
            message = message.substring(0, context).stripTrailing();
        }
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
