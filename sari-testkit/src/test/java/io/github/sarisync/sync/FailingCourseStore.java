package io.github.sarisync.sync;

import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLock;
import io.github.sarisync.spi.StoredCourse;

import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory course store whose next apply can be made to fail after staging some rows. */
final class FailingCourseStore extends InMemoryCourseStore {
    private final AtomicInteger rowsUntilFailure = new AtomicInteger(-1);

    FailingCourseStore(InMemorySyncLock lock) {
        super(lock);
    }

    /** The next apply fails when it stages its row number {@code rows + 1}. */
    void failAfterRows(int rows) {
        rowsUntilFailure.set(rows);
    }

    @Override
    protected void staging(Object row) {
        int left = rowsUntilFailure.getAndUpdate(n -> n > 0 ? n - 1 : n == 0 ? -1 : n);
        if (left == 0) {
            throw new IllegalStateException("disk full while writing "
                    + (row instanceof StoredCourse c ? "part " + c.partId() : row.getClass().getSimpleName()));
        }
    }
}
