package io.github.sarisync.spi;

/** What became of a stored course part. Nothing is ever deleted. */
public enum CourseStatus {
    /** Listed by SARI in the latest snapshot. */
    ACTIVE,
    /** No longer listed and it started in the past: it took place. */
    COMPLETED,
    /** No longer listed while it still lay in the future: cancelled or withdrawn. */
    CANCELLED
}
