package io.github.sarisync.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A lease as {@link SyncLock#tryAcquire} granted it: who holds which name, and its fencing token.
 *
 * <p>The {@code fence} grows with every take of the same name (a new holder, or the same holder
 * taking it again) and is never reused, so a write that carries a lease can be refused once a
 * newer take exists, even when the older holder still believes it holds the lease (a GC pause or
 * network stall outlasted it). Stores check it in the same transaction as the write they guard.
 *
 * @param acquiredAt when it was taken, in the lock's clock (the database's for a database lock)
 * @param expiresAt  when it expires unless extended, in the same clock
 */
public record Lease(String name, String owner, long fence, Instant acquiredAt, Instant expiresAt) {
    public Lease {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("lease name must not be blank");
        }
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("lease owner must not be blank (lease " + name + ")");
        }
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True when {@code other} is the same take of the same name by the same holder. */
    public boolean sameTake(Lease other) {
        return other != null && name.equals(other.name) && owner.equals(other.owner) && fence == other.fence;
    }
}
