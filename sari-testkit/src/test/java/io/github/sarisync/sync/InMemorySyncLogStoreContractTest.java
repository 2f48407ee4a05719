package io.github.sarisync.sync;

import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.testkit.contract.SyncLogStoreContract;

/** The in-memory run log keeps every guarantee of its port. */
class InMemorySyncLogStoreContractTest extends SyncLogStoreContract {
    @Override
    protected SyncLogStore createStore() {
        return new InMemorySyncLogStore();
    }
}
