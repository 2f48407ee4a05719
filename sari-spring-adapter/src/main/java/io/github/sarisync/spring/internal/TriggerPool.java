package io.github.sarisync.spring.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool on which triggered syncs run ({@code sari.trigger.*}): a fixed number of threads
 * named {@code sari-trigger-N} and a bounded queue; a task that finds both full is refused with
 * {@link java.util.concurrent.RejectedExecutionException} and never runs on the caller's thread.
 * Deliberately not an {@link Executor} bean, so it never replaces the host's task executor. Not API.
 */
public final class TriggerPool implements AutoCloseable {
    private final ThreadPoolExecutor pool;

    public TriggerPool(int threads, int queueCapacity) {
        BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(queueCapacity);
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, queue, runnable -> {
            Thread thread = new Thread(runnable, "sari-trigger-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs tasks on the pool; refuses them when the pool and its queue are full. */
    public Executor executor() {
        return pool;
    }

    /** Lets the syncs in progress finish (they stop early when the engine is closed); queued ones are dropped. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
