package io.github.sarisync.examples.chaos;

import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.testkit.ForwardingCourseStore;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * A course store that freezes an engine inside its write, as a GC pause or a stalled connection
 * would: the first apply of a run waits, before it reaches the database, until the scenario lets
 * it go on. Every other call goes straight to the real store (its limits included).
 */
final class StallingCourseStore extends ForwardingCourseStore {
    private final Duration patience;
    private final SynchronousQueue<String> stalled = new SynchronousQueue<>();
    private final SynchronousQueue<Boolean> resume = new SynchronousQueue<>();
    private volatile boolean armed;

    StallingCourseStore(CourseStore store, Duration patience) {
        super(store);
        this.patience = patience;
    }

    /** The next apply stalls. */
    void arm() {
        armed = true;
    }

    /** Waits until an apply has stalled; the tenant it writes, or null when none stalled in time. */
    String awaitStall() throws InterruptedException {
        return stalled.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the stalled apply go on to the database. */
    void resume() throws InterruptedException {
        resume.offer(Boolean.TRUE, patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void apply(ChangeSet changes, Lease lease) {
        if (armed) {
            armed = false;
            try {
                if (stalled.offer(changes.tenantId(), patience.toMillis(), TimeUnit.MILLISECONDS)) {
                    resume.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stalled", e);
            }
        }
        super.apply(changes, lease);
    }
}
