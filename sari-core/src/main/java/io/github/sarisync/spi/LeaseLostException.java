package io.github.sarisync.spi;

/**
 * A write guarded by a {@link Lease} was refused: the lease expired, was released or was taken
 * by another holder (its fence is no longer the current one). Nothing of the refused write was
 * stored. The message names the lease, its fence and the write, never the data.
 */
public class LeaseLostException extends RuntimeException {
    private final String leaseName;
    private final long fence;

    public LeaseLostException(Lease lease, String write) {
        super("lease " + lease.name() + " (fence " + lease.fence() + ") is no longer held by " + lease.owner()
                + ": " + write + " refused");
        this.leaseName = lease.name();
        this.fence = lease.fence();
    }

    public String leaseName() {
        return leaseName;
    }

    public long fence() {
        return fence;
    }
}
