package io.github.sarisync.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs a task on many threads released at the same moment, to provoke races in the contract tests. */
public final class Concurrently {
    /** How long a contract test waits for its threads before it fails instead of hanging. */
    private static final long GIVE_UP_SECONDS = 120;

    private Concurrently() {
    }

    /** A task that knows which thread (0 to threads - 1) runs it. */
    @FunctionalInterface
    public interface IndexedTask<T> {
        T run(int index) throws Exception;
    }

    /**
     * Runs {@code task} on {@code threads} threads that all start together.
     *
     * @return the results in thread order
     * @throws java.util.concurrent.ExecutionException when a task threw
     */
    public static <T> List<T> run(int threads, IndexedTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<T> callable = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(callable));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(GIVE_UP_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
