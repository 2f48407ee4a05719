package io.github.sarisync.enrollment;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;

import java.time.Clock;
import java.time.Instant;

/**
 * Makes one SARI call for one outbox entry and writes the entry's new state. Shared by live
 * operations and outbox runs, so both classify SARI's answers alike.
 */
final class PartCalls {
    /** Code recorded when no client could be had for the entry's tenant. */
    static final String CLIENT_UNAVAILABLE = "CLIENT_UNAVAILABLE";

    /** How an attempt ended. */
    enum Kind {
        /** SARI made the change. */
        CHANGED,
        /** It was so already (PERSON_ALREADY_ADDED, COURSEMEMBER_NOT_FOUND). */
        UNCHANGED,
        /** The registration is confirmed: only the SARI portal can remove it. */
        CONFIRMED,
        /** A transient fault: the entry is PENDING again with a later due time. */
        TRANSIENT,
        /** Refused for good, or transient faults used up the attempts. */
        PERMANENT
    }

    record Attempt(Kind kind, String errorCode, OutboxEntry entry) {
    }

    private final EnrollmentOutbox outbox;
    private final OutboxPolicy policy;
    private final Clock clock;

    PartCalls(EnrollmentOutbox outbox, OutboxPolicy policy, Clock clock) {
        this.outbox = outbox;
        this.policy = policy;
        this.clock = clock;
    }

    Attempt attempt(SARIClient client, OutboxEntry entry) {
        try {
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

    private Attempt record(OutboxEntry entry, Kind kind, String code) {
        Instant now = clock.instant();
        OutboxEntry updated;
        Kind effective = kind;
        switch (kind) {
            case CHANGED, UNCHANGED -> updated = entry.finish(OutboxState.SUCCEEDED, null, now);
            case CONFIRMED, PERMANENT -> updated = entry.finish(OutboxState.FAILED_PERMANENTLY, code, now);
            default -> {
                int attempts = entry.attempts() + 1;
                if (attempts >= policy.maxAttempts()) {
                    updated = entry.finish(OutboxState.FAILED_PERMANENTLY, code, now);
                    effective = Kind.PERMANENT;
                } else {
                    updated = entry.retryAt(now.plus(policy.delayAfter(attempts)), code, now);
                }
            }
        }
        outbox.update(updated);
        return new Attempt(effective, code, updated);
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
