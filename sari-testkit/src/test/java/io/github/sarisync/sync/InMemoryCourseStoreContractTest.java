package io.github.sarisync.sync;

import io.github.sarisync.memory.InMemorySyncLock;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.testkit.contract.CourseStoreContract;

/** The in-memory course store keeps every guarantee of its port, atomic apply included. */
class InMemoryCourseStoreContractTest extends CourseStoreContract {
    private FailingCourseStore current;
    private InMemorySyncLock lock;

    @Override
    protected CourseStore createStore() {
        lock = new InMemorySyncLock();
        current = new FailingCourseStore(lock);
        return current;
    }

    @Override
    protected SyncLock leaseLock() {
        return lock;
    }

    @Override
    protected CourseStore storeFailingMidApply() {
        current.failAfterRows(20);
        return current;
    }
}
