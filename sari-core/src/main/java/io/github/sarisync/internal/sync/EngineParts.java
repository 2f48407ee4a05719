package io.github.sarisync.internal.sync;

import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.sync.SyncOptions;

import java.time.Clock;

/** What an engine's tenant runs share: the ports, the clients, the clock, the options, the listener. */
public record EngineParts(TenantStore tenantStore, CourseStore courseStore, SyncLogStore syncLogStore, SyncLock lock,
                          ClientCache clients, Clock clock, SyncOptions options, GuardedListener listener) {
}
