package io.github.sarisync.sync;

import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.testkit.contract.CourseStoreContract;

/** The in-memory course store keeps every guarantee of its port, atomic apply included. */
class InMemoryCourseStoreContractTest extends CourseStoreContract {
    private FailingCourseStore current;

    @Override
    protected CourseStore createStore() {
        current = new FailingCourseStore();
        return current;
    }

    @Override
    protected CourseStore storeFailingMidApply() {
        current.failAfterRows(20);
        return current;
    }
}
