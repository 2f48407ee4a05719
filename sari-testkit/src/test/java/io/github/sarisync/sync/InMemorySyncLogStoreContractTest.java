package io.github.sarisync.sync;

import io.github.sarisync.memory.InMemorySyncLock;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.testkit.contract.SyncLogStoreContract;

/** The in-memory run log keeps every guarantee of its port. */
class InMemorySyncLogStoreContractTest extends SyncLogStoreContract {
    private InMemorySyncLock lock;

    @Override
    protected SyncLogStore createStore() {
        lock = new InMemorySyncLock();
        return new InMemorySyncLogStore(lock);
    }

    @Override
    protected SyncLock leaseLock() {
        return lock;
    }
}
