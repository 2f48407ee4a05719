package io.github.sarisync.sync;

import io.github.sarisync.memory.InMemorySyncLock;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.testkit.SimulatorClock;
import io.github.sarisync.testkit.contract.SyncLockContract;

import java.time.Duration;
import java.time.Instant;

/** The in-memory lock keeps every guarantee of its port, with leases evaluated in the simulator's settable clock. */
class InMemorySyncLockContractTest extends SyncLockContract {
    private SimulatorClock clock;

    @Override
    protected SyncLock createLock() {
        clock = SimulatorClock.fixed(Instant.parse("2026-03-02T08:00:00Z"));
        return new InMemorySyncLock(clock);
    }

    @Override
    protected void letTimePass(Duration duration) {
        clock.advance(duration);
    }
}
