package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Database;
import io.github.sarisync.spi.SyncLock;

import java.time.Duration;

/**
 * Leases in the {@code <prefix>locks} table, one row per lease name. Taking, extending and
 * releasing are each one conditional statement evaluated in the database's clock, so the
 * instances' clocks need not agree: PostgreSQL uses {@code INSERT ... ON CONFLICT (name) DO UPDATE
 * ... WHERE expired OR ours}, H2 the equivalent {@code MERGE}. A lease is released by setting its
 * expiry to now; the row stays for the next holder.
 */
public final class JdbcSyncLock implements SyncLock {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    JdbcSyncLock(Database database) {
        this.database = database;
    }

    @Override
    public boolean tryAcquire(String name, String owner, Duration lease) {
        long leaseMillis = requireLease(name, owner, lease);
        try {
            return acquire(name, owner, leaseMillis);
        } catch (JdbcStoreException e) {
            // H2's MERGE can meet a row another caller inserted after the MERGE looked: the lease was
            // free a moment ago and has just been taken. One more try sees that row and decides on it.
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                return acquire(name, owner, leaseMillis);
            }
            throw e;
        }
    }

    @Override
    public boolean extend(String name, String owner, Duration lease) {
        long leaseMillis = requireLease(name, owner, lease);
        return database.withHandle(handle -> handle.createUpdate(database.sql("lock.extend"))
                .bind("name", name).bind("owner", owner).bind("leaseMillis", leaseMillis).execute()) == 1;
    }

    @Override
    public void release(String name, String owner) {
        requireText(name, "name");
        requireText(owner, "owner");
        database.withHandle(handle -> handle.createUpdate(database.sql("lock.release"))
                .bind("name", name).bind("owner", owner).execute());
    }

    private boolean acquire(String name, String owner, long leaseMillis) {
        return database.withHandle(handle -> handle.createUpdate(database.sql("lock.acquire"))
                .bind("name", name).bind("owner", owner).bind("leaseMillis", leaseMillis).execute()) == 1;
    }

    private static long requireLease(String name, String owner, Duration lease) {
        requireText(name, "name");
        requireText(owner, "owner");
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease of '" + name + "' must be > 0, was " + lease);
        }
        // the statements count in milliseconds: a positive lease below one still lasts one
        return Math.max(1, lease.toMillis());
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("lease " + what + " must not be null or blank");
        }
    }
}
