package io.github.sarisync.enrollment;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;

import java.time.Clock;
import java.time.Instant;

/**
 * Makes one SARI call for one claimed outbox entry and writes the entry's new state. Shared by live
 * operations and outbox runs, so both classify SARI's answers alike and both obey the claim: SARI is
 * called only after the outbox confirmed the claim still holds, and an entry a previous holder left in
 * flight is first checked against SARI's course detail, so that a change already made is not sent again.
 */
final class PartCalls {
    /** Code recorded when no client could be had for the entry's tenant. */
    static final String CLIENT_UNAVAILABLE = "CLIENT_UNAVAILABLE";
    /** Code reported when the claim on an entry was lost before SARI was called. */
    static final String CLAIM_LOST = "CLAIM_LOST";

    /** How an attempt ended. */
    enum Kind {
        /** SARI made the change. */
        CHANGED,
        /** It was so already (PERSON_ALREADY_ADDED, COURSEMEMBER_NOT_FOUND, or seen in the course detail). */
        UNCHANGED,
        /** The registration is confirmed: only the SARI portal can remove it. */
        CONFIRMED,
        /** A transient fault: the entry is PENDING again with a later due time. */
        TRANSIENT,
        /** Refused for good, or transient faults used up the attempts. */
        PERMANENT,
        /** Not attempted: the claim expired or another processor took the entry, which now carries it out. */
        LOST
    }

    /**
     * @param claimLost the attempt was made but its outcome could not be written: the claim was lost
     *                  meanwhile and the entry belongs to another processor (nothing was written)
     */
    record Attempt(Kind kind, String errorCode, OutboxEntry entry, boolean claimLost) {
        boolean lost() {
            return kind == Kind.LOST || claimLost;
        }
    }

    private final EnrollmentOutbox outbox;
    private final OutboxPolicy policy;
    private final Clock clock;
    private final boolean givesUp;

    private PartCalls(EnrollmentOutbox outbox, OutboxPolicy policy, Clock clock, boolean givesUp) {
        this.outbox = outbox;
        this.policy = policy;
        this.clock = clock;
        this.givesUp = givesUp;
    }

    /** The calls of live operations: a part that fails for good is answered to the operation's caller. */
    static PartCalls forOperations(EnrollmentOutbox outbox, OutboxPolicy policy, Clock clock) {
        return new PartCalls(outbox, policy, clock, false);
    }

    /**
     * The calls of outbox runs: nobody waits for the answer, so an entry that fails for good is written
     * {@link OutboxEntry#giveUp given up} (the store stamps when, for health).
     */
    static PartCalls forOutboxRuns(EnrollmentOutbox outbox, OutboxPolicy policy, Clock clock) {
        return new PartCalls(outbox, policy, clock, true);
    }

    Attempt attempt(SARIClient client, OutboxEntry entry, ClaimKeeper claims) {
        claims.keepAlive();
        if (!outbox.markInFlight(entry)) {
            return new Attempt(Kind.LOST, CLAIM_LOST, entry, false);
        }
        try {
            if (entry.inFlight() && alreadyDone(client, entry)) {
                return record(entry, Kind.UNCHANGED, null);
            }
            if (entry.action() == OutboxAction.ENROLL) {
                client.enroll(entry.courseId(), entry.faberId(), entry.birthdate());
            } else {
                client.unenroll(entry.courseId(), entry.faberId());
            }
        } catch (SariException e) {
            return record(entry, classify(entry.action(), e), e.status());
        }
        return record(entry, Kind.CHANGED, null);
    }

    /** Records a failed attempt that never reached SARI (no client for the tenant). */
    Attempt unavailable(OutboxEntry entry) {
        return record(entry, Kind.TRANSIENT, CLIENT_UNAVAILABLE);
    }

    /**
     * Whether SARI shows the change made already: an earlier holder's call may have reached SARI
     * before that holder died or lost its claim.
     */
    private static boolean alreadyDone(SARIClient client, OutboxEntry entry) {
        boolean member = client.courseDetail(entry.courseId()).stream()
                .anyMatch(m -> FaberIds.same(m.faberId(), entry.faberId()));
        return entry.action() == OutboxAction.ENROLL ? member : !member;
    }

    private Attempt record(OutboxEntry entry, Kind kind, String code) {
        Instant now = clock.instant();
        OutboxEntry updated;
        Kind effective = kind;
        switch (kind) {
            case CHANGED, UNCHANGED -> updated = entry.finish(OutboxState.SUCCEEDED, null, now);
            case CONFIRMED, PERMANENT -> updated = failed(entry, code, now);
            default -> {
                int attempts = entry.attempts() + 1;
                if (attempts >= policy.maxAttempts()) {
                    updated = failed(entry, code, now);
                    effective = Kind.PERMANENT;
                } else {
                    updated = entry.retryAt(now.plus(policy.delayAfter(attempts)), code, now);
                }
            }
        }
        boolean written = outbox.update(updated);
        return new Attempt(effective, code, written ? updated.released() : updated, !written);
    }

    private OutboxEntry failed(OutboxEntry entry, String code, Instant now) {
        return givesUp ? entry.giveUp(code, now) : entry.finish(OutboxState.FAILED_PERMANENTLY, code, now);
    }

    private static Kind classify(OutboxAction action, SariException e) {
        SariErrorCode code = e.code();
        if (action == OutboxAction.ENROLL && code == SariErrorCode.PERSON_ALREADY_ADDED) {
            return Kind.UNCHANGED;
        }
        if (action == OutboxAction.UNENROLL && code == SariErrorCode.COURSEMEMBER_NOT_FOUND) {
            return Kind.UNCHANGED;
        }
        if (action == OutboxAction.UNENROLL && code == SariErrorCode.COURSEMEMBER_ALREADY_CONFIRMED) {
            return Kind.CONFIRMED;
        }
        return e.retryable() ? Kind.TRANSIENT : Kind.PERMANENT;
    }
}
