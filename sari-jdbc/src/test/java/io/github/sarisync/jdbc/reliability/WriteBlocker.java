package io.github.sarisync.jdbc.reliability;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.sync.SyncListener;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.sarisync.jdbc.JdbcProxies.forward;
import static io.github.sarisync.jdbc.JdbcProxies.proxy;

/**
 * Freezes a sync in the middle of writing, so that a test can kill the process at a known point:
 * from the {@code blockAt}-th course write transaction on, every such transaction stops for good after
 * its first batch (half of its rows sent, nothing committed; the lease check before it not counted). Once {@code holders} transactions
 * stand still, it prints one line {@value #MARKER} followed by the tenants and course types they
 * were writing ({@code tenant/TYPE}, comma-separated).
 *
 * <p>It is also the sync's listener: {@link #typeFetched} tells it which tenant and type the
 * calling worker thread is about to write.
 */
final class WriteBlocker implements SyncListener {
    static final String MARKER = "SARI-CRASH-TEST blocked mid-write: ";

    private final int blockAt;
    private final int holders;
    private final PrintStream out;
    private final AtomicInteger transactions = new AtomicInteger();
    private final ThreadLocal<String> writing = new ThreadLocal<>();
    private final List<String> blocked = new ArrayList<>();

    WriteBlocker(int blockAt, int holders, PrintStream out) {
        this.blockAt = blockAt;
        this.holders = holders;
        this.out = out;
    }

    @Override
    public void typeFetched(String tenantId, CourseType type, int parts, int rejected) {
        writing.set(tenantId + "/" + type);
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, (method, args) -> {
            Object result = forward(target, method, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    private Connection connection(Connection target) {
        // the number of the course write transaction under way (0: none); run-log writes that carry a lease are
        // transactions too, but the test freezes course writes only
        int[] transaction = {0};
        int[] statements = {0};
        boolean[] open = {false};
        return proxy(Connection.class, (method, args) -> {
            String name = method.getName();
            if (name.equals("setAutoCommit")) {
                open[0] = !((Boolean) args[0]) && target.getAutoCommit();
                transaction[0] = 0;
                statements[0] = 0;
            } else if (name.equals("commit") || name.equals("rollback")) {
                statements[0] = 0;
            }
            Object result = forward(target, method, args);
            if (result instanceof Statement s && name.matches("prepareStatement|createStatement")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "";
                boolean leaseCheck = sql.contains("locks");
                if (open[0] && transaction[0] == 0 && !leaseCheck && sql.contains("course")) {
                    transaction[0] = transactions.incrementAndGet();
                }
                return statement(s, method.getReturnType(), transaction, statements, leaseCheck);
            }
            return result;
        });
    }

    /** The lease check a fenced write begins with is not counted: the freeze comes after the first batch. */
    private Object statement(Statement target, Class<?> type, int[] transaction, int[] statements,
                             boolean leaseCheck) {
        return proxy(type, (method, args) -> {
            if (method.getName().startsWith("execute") && transaction[0] > 0 && !leaseCheck && ++statements[0] == 2
                    && transaction[0] >= blockAt) {
                standStill();
            }
            return forward(target, method, args);
        });
    }

    private void standStill() {
        synchronized (blocked) {
            blocked.add(writing.get());
            if (blocked.size() == holders) {
                out.println(MARKER + String.join(",", blocked));
                out.flush();
            }
        }
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // only SIGKILL ends this thread: the test wants the process to die mid-write
            }
        }
    }
}
