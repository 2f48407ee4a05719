package io.github.sarisync.internal.sync;

import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.sync.SyncOptions;

import java.time.Clock;

/**
 * What an engine's tenant runs share: the ports, the clients, the clock, the options, the listener,
 * and the engine's own lease holder id (unique per engine, even for engines built from one options).
 */
public record EngineParts(TenantStore tenantStore, CourseStore courseStore, SyncLogStore syncLogStore, SyncLock lock,
                          ClientCache clients, Clock clock, SyncOptions options, GuardedListener listener,
                          String holderId) {
}
