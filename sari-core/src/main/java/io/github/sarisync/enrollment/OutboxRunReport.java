package io.github.sarisync.enrollment;

/**
 * What one {@link EnrollmentService#processOutbox()} run did.
 *
 * @param attempted         due entries claimed and tried
 * @param succeeded         entries carried out (or found done already)
 * @param retryScheduled    entries that failed transiently and wait for a later run
 * @param failedPermanently entries refused for good or out of attempts
 */
public record OutboxRunReport(int attempted, int succeeded, int retryScheduled, int failedPermanently) {
    public static final OutboxRunReport EMPTY = new OutboxRunReport(0, 0, 0, 0);
}
