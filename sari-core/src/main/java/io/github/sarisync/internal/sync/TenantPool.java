package io.github.sarisync.internal.sync;

import io.github.sarisync.sync.TenantSyncResult;
import org.slf4j.Logger;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs tenants with bounded parallelism on an executor: {@code parallelism} workers take the next
 * tenant from a shared counter until none is left, so at most that many tenants run (and hold
 * their course data) at once, whatever the executor's own size. When the executor refuses a
 * worker, the calling thread does that worker's share.
 */
public final class TenantPool {
    private static final Logger LOG = SyncLogging.logger("pool");

    private TenantPool() {
    }

    /**
     * Runs {@code task} for every index {@code 0..count-1} and returns the results in index order.
     * A result is made by {@code onError} for a task that throws. When the calling thread is
     * interrupted while it waits, {@code onInterrupt} runs (it cancels the run) and the wait goes on
     * until the workers have finished their current tenant.
     */
    public static List<TenantSyncResult> run(Executor executor, int parallelism, int count,
                                             IntFunction<TenantSyncResult> task,
                                             IntFunction<TenantSyncResult> onError, Runnable onInterrupt) {
        TenantSyncResult[] results = new TenantSyncResult[count];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    results[i] = task.apply(i);
                } catch (RuntimeException | Error e) {
                    LOG.error("tenant task failed unexpectedly", e);
                    results[i] = onError.apply(i);
                }
            }
        };
        int workers = Math.min(parallelism, count);
        CountDownLatch done = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            Runnable counted = () -> {
                try {
                    worker.run();
                } finally {
                    done.countDown();
                }
            };
            try {
                executor.execute(counted);
            } catch (RejectedExecutionException e) {
                counted.run();
            }
        }
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                if (!interrupted) {
                    onInterrupt.run();
                }
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < count; i++) {
            if (results[i] == null) {
                results[i] = onError.apply(i);
            }
        }
        return Arrays.asList(results);
    }
}
