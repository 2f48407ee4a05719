package io.github.sarisync.sync;

import io.github.sarisync.memory.InMemorySyncLock;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.contract.TenantStoreContract;

/** The in-memory tenant store keeps every guarantee of its port. */
class InMemoryTenantStoreContractTest extends TenantStoreContract {
    private InMemorySyncLock lock;

    @Override
    protected TenantStore createStore() {
        lock = new InMemorySyncLock();
        return new InMemoryTenantStore(SariSimulator.hostPolicy(), lock);
    }

    @Override
    protected SyncLock leaseLock() {
        return lock;
    }
}
