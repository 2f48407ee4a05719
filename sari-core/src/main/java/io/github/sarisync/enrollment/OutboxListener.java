package io.github.sarisync.enrollment;

/**
 * Told when the outbox gives up on a registration change, so that the host can alert someone: the
 * change was not made, and no caller is waiting for the answer (a live operation reports its own
 * refusals in its {@link EnrollmentResult} and does not call this).
 *
 * <p>Called on the thread running {@link EnrollmentService#processOutbox()}, once per entry that reached
 * FAILED_PERMANENTLY in that run, after its state and run-log row were written. A give-up whose process
 * stopped before telling it is told by a later run, of this or another instance (after the claim lease).
 * Each give-up is marked told in the outbox before the call, so that it is told once across instances; a
 * process that dies between the mark and the call loses that one call (the outbox health still shows the
 * give-up). A listener that throws is logged at WARN and ignored (the give-up counts as told); keep it short
 * (hand slow work to an executor).
 *
 * <pre>{@code
 * EnrollmentService.builder()...outboxListener(g -> alerts.send("registration given up: " + g.entryId()))
 * }</pre>
 */
@FunctionalInterface
public interface OutboxListener {
    /** An entry reached FAILED_PERMANENTLY in an outbox run. */
    void entryGaveUp(OutboxGiveUp giveUp);
}
