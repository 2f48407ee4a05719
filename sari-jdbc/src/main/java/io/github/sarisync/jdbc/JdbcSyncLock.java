package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Database;
import io.github.sarisync.internal.jdbc.SqlValues;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.SyncLock;

import java.time.Duration;
import java.util.Optional;

/**
 * Leases in the {@code <prefix>locks} table, one row per lease name. Taking, extending and
 * releasing are each one conditional statement evaluated in the database's clock, so the
 * instances' clocks need not agree: PostgreSQL uses {@code INSERT ... ON CONFLICT (name) DO UPDATE
 * ... WHERE expired OR ours RETURNING}, H2 the equivalent {@code MERGE} read through {@code FINAL TABLE}.
 * Each take increments the row's {@code fence} in that same statement; extending and releasing
 * match the take by owner and fence. A lease is released by setting its expiry to now; the row
 * (and its fence) stays for the next holder.
 */
public final class JdbcSyncLock implements SyncLock {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    JdbcSyncLock(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Lease> tryAcquire(String name, String owner, Duration duration) {
        long leaseMillis = requireLease(name, owner, duration);
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
    public boolean extend(Lease lease, Duration duration) {
        requireLease(lease);
        long leaseMillis = requireLease(lease.name(), lease.owner(), duration);
        return database.withHandle(handle -> handle.createUpdate(database.sql("lock.extend"))
                .bind("name", lease.name()).bind("owner", lease.owner()).bind("fence", lease.fence())
                .bind("leaseMillis", leaseMillis).execute()) == 1;
    }

    @Override
    public void release(Lease lease) {
        requireLease(lease);
        database.withHandle(handle -> handle.createUpdate(database.sql("lock.release"))
                .bind("name", lease.name()).bind("owner", lease.owner()).bind("fence", lease.fence()).execute());
    }

    private Optional<Lease> acquire(String name, String owner, long leaseMillis) {
        return database.withHandle(handle -> handle.createQuery(database.sql("lock.acquire"))
                .bind("name", name).bind("owner", owner).bind("leaseMillis", leaseMillis)
                .map((rs, ctx) -> new Lease(name, owner, rs.getLong("fence"), SqlValues.instant(rs, "locked_at"),
                        SqlValues.instant(rs, "expires_at")))
                .findOne());
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

    private static void requireLease(Lease lease) {
        if (lease == null) {
            throw new IllegalArgumentException("lease must not be null");
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("lease " + what + " must not be null or blank");
        }
    }
}
