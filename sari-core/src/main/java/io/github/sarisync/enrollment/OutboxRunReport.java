package io.github.sarisync.enrollment;

/**
 * What one {@link EnrollmentService#processOutbox()} run did.
 *
 * @param attempted         due entries claimed and tried
 * @param succeeded         entries carried out (or found done already)
 * @param retryScheduled    entries that failed transiently and wait for a later run
 * @param failedPermanently entries refused for good or out of attempts
 * @param lostClaims        claimed entries whose claim expired and went to another run before their outcome
 *                          was written: nothing of them was written by this run, the new holder carries them out
 */
public record OutboxRunReport(int attempted, int succeeded, int retryScheduled, int failedPermanently,
                              int lostClaims) {
    public static final OutboxRunReport EMPTY = new OutboxRunReport(0, 0, 0, 0, 0);

    /** A run that lost no claim. */
    public OutboxRunReport(int attempted, int succeeded, int retryScheduled, int failedPermanently) {
        this(attempted, succeeded, retryScheduled, failedPermanently, 0);
    }
}
