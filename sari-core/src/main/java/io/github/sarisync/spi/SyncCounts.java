package io.github.sarisync.spi;

/**
 * What one sync changed. For a tenant and course type, or summed over several.
 *
 * @param inserted       parts seen for the first time
 * @param updated        parts whose content changed (or that came back after being cancelled)
 * @param unchanged      parts listed again without change (not written)
 * @param completed      parts no longer listed that started in the past
 * @param cancelled      parts no longer listed that lie in the future
 * @param membersAdded   members seen for the first time (or again after removal)
 * @param membersRemoved members no longer listed (marked removed, not deleted)
 * @param rejected       records of the answer that could not be read
 */
public record SyncCounts(int inserted, int updated, int unchanged, int completed, int cancelled,
                         int membersAdded, int membersRemoved, int rejected) {
    public static final SyncCounts ZERO = new SyncCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public SyncCounts plus(SyncCounts o) {
        return new SyncCounts(inserted + o.inserted, updated + o.updated, unchanged + o.unchanged,
                completed + o.completed, cancelled + o.cancelled, membersAdded + o.membersAdded,
                membersRemoved + o.membersRemoved, rejected + o.rejected);
    }

    /** Parts plus member rows written. */
    public int rowsWritten() {
        return inserted + updated + completed + cancelled + membersAdded + membersRemoved;
    }
}
