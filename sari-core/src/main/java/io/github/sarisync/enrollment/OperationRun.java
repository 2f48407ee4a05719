package io.github.sarisync.enrollment;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The parts of one live enrolment operation and what became of each: writes their outbox entries,
 * calls SARI part by part, queues, cancels or undoes them, and derives the overall status.
 * Not thread-safe: one per operation call, closed at its end (it keeps the operation's outbox claims alive).
 */
final class OperationRun implements AutoCloseable {
    /** How a phase (a list of parts handled in order) ended. */
    enum PhaseEnd { DONE, QUEUED, FAILED }

    private final String operationId;
    private final String tenantId;
    private final String faberId;
    private final LocalDate birthdate;
    private final SARIClient client;
    private final EnrollmentOutbox outbox;
    private final PartCalls calls;
    private final OutboxPolicy policy;
    private final Clock clock;
    private final List<PartResult> results = new ArrayList<>();
    private final List<OutboxEntry> entries = new ArrayList<>();
    private final ClaimKeeper claims;
    private boolean undoRan;

    OperationRun(String operationId, String tenantId, String faberId, LocalDate birthdate, SARIClient client,
                 EnrollmentOutbox outbox, PartCalls calls, OutboxPolicy policy, Clock clock) {
        this.operationId = operationId;
        this.tenantId = tenantId;
        this.faberId = faberId;
        this.birthdate = birthdate;
        this.client = client;
        this.outbox = outbox;
        this.calls = calls;
        this.policy = policy;
        this.clock = clock;
        this.claims = new ClaimKeeper(outbox, policy.claimLease(), clock);
    }

    SARIClient client() {
        return client;
    }

    /** Adds the parts (NOT_ATTEMPTED, no entry yet) and returns their indices. */
    List<Integer> plan(List<CourseSelection.Part> parts, OutboxAction action) {
        int first = results.size();
        for (CourseSelection.Part part : parts) {
            results.add(new PartResult(part.id(), action, PartOutcome.NOT_ATTEMPTED, null, null));
            entries.add(null);
        }
        return IntStream.range(first, results.size()).boxed().toList();
    }

    /**
     * Writes PENDING outbox entries for the parts in one batch, before any of them is called. They are
     * held by a claim of this call (extended while it works), so an outbox run does not take them while
     * this call works on them; they are due at once should the claim end without an outcome.
     */
    void persist(List<Integer> indices) {
        Instant now = clock.instant();
        List<OutboxEntry> batch = new ArrayList<>();
        for (int i : indices) {
            PartResult r = results.get(i);
            batch.add(OutboxEntry.pending(UUID.randomUUID().toString(), operationId, tenantId, r.action(),
                    r.courseId(), faberId, birthdate, now, now));
        }
        List<OutboxEntry> held = outbox.addClaimed(batch, policy.claimLease());
        for (int k = 0; k < indices.size(); k++) {
            int i = indices.get(k);
            OutboxEntry entry = held.get(k);
            entries.set(i, entry);
            results.set(i, results.get(i).with(PartOutcome.NOT_ATTEMPTED, null, entry.id()));
            claims.hold(entry.claimToken());
        }
    }

    /**
     * Handles the parts in order. A transient fault queues the part and every later one (without
     * calling SARI for them) when {@code queueOnTransient}, else counts as a failure. A failure stops
     * the phase (later parts cancelled) unless the policy is CONTINUE.
     */
    PhaseEnd runPhase(List<Integer> indices, FailurePolicy onFailure, boolean queueOnTransient) {
        boolean failed = false;
        for (int p = 0; p < indices.size(); p++) {
            int i = indices.get(p);
            PartCalls.Attempt attempt = calls.attempt(client, entries.get(i), claims);
            entries.set(i, attempt.entry());
            List<Integer> rest = indices.subList(p + 1, indices.size());
            PartResult r = results.get(i);
            switch (attempt.kind()) {
                case LOST -> {
                    // this call outlived its claim: an outbox run holds the part now and carries it out
                    set(i, PartOutcome.QUEUED, attempt.errorCode());
                    queue(rest, clock.instant(), attempt.errorCode());
                    return failed ? PhaseEnd.FAILED : PhaseEnd.QUEUED;
                }
                case CHANGED -> set(i, r.action() == OutboxAction.ENROLL ? PartOutcome.ENROLLED
                        : PartOutcome.UNENROLLED, null);
                case UNCHANGED -> set(i, r.action() == OutboxAction.ENROLL ? PartOutcome.ALREADY_ENROLLED
                        : PartOutcome.NOT_ENROLLED, null);
                case TRANSIENT -> {
                    if (queueOnTransient) {
                        set(i, PartOutcome.QUEUED, attempt.errorCode());
                        queue(rest, attempt.entry().nextAttemptAt(), attempt.errorCode());
                        return failed ? PhaseEnd.FAILED : PhaseEnd.QUEUED;
                    }
                    cancel(i);
                    set(i, PartOutcome.FAILED, attempt.errorCode());
                    rest.forEach(this::cancel);
                    return PhaseEnd.FAILED;
                }
                default -> {
                    set(i, attempt.kind() == PartCalls.Kind.CONFIRMED ? PartOutcome.NEEDS_MANUAL_ACTION
                            : PartOutcome.FAILED, attempt.errorCode());
                    failed = true;
                    if (onFailure != FailurePolicy.CONTINUE) {
                        rest.forEach(this::cancel);
                        return PhaseEnd.FAILED;
                    }
                }
            }
        }
        return failed ? PhaseEnd.FAILED : PhaseEnd.DONE;
    }

    /**
     * Undoes what this call changed among the parts, last change first: unregisters parts it
     * registered, registers again parts it unregistered. The undo entries are written before any
     * undo call; an undo that fails transiently stays in the outbox and is retried.
     */
    void undo(List<Integer> indices) {
        undoRan = true;
        List<Integer> order = new ArrayList<>(indices);
        Collections.reverse(order);
        List<Integer> toUndo = order.stream().filter(i -> {
            PartOutcome o = results.get(i).outcome();
            return o == PartOutcome.ENROLLED || o == PartOutcome.UNENROLLED;
        }).toList();
        if (toUndo.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<OutboxEntry> undoEntries = new ArrayList<>();
        for (int i : toUndo) {
            PartResult r = results.get(i);
            OutboxAction reverse = r.action() == OutboxAction.ENROLL ? OutboxAction.UNENROLL : OutboxAction.ENROLL;
            undoEntries.add(OutboxEntry.pending(UUID.randomUUID().toString(), operationId, tenantId, reverse,
                    r.courseId(), faberId, birthdate, now, now));
        }
        undoEntries = outbox.addClaimed(undoEntries, policy.claimLease());
        undoEntries.forEach(e -> claims.hold(e.claimToken()));
        for (int k = 0; k < toUndo.size(); k++) {
            int i = toUndo.get(k);
            PartResult r = results.get(i);
            PartCalls.Attempt attempt = calls.attempt(client, undoEntries.get(k), claims);
            boolean undone = attempt.kind() == PartCalls.Kind.CHANGED || attempt.kind() == PartCalls.Kind.UNCHANGED;
            PartOutcome outcome = !undone ? PartOutcome.UNDO_FAILED
                    : r.action() == OutboxAction.ENROLL ? PartOutcome.COMPENSATED : PartOutcome.RESTORED;
            results.set(i, r.with(outcome, undone ? null : attempt.errorCode(), attempt.entry().id()));
        }
    }

    /** Stops keeping this operation's claims; every part's outcome is written by then. */
    @Override
    public void close() {
        claims.close();
    }

    /** The part results so far, in the order the parts were planned. */
    List<PartResult> results() {
        return List.copyOf(results);
    }

    EnrollmentStatus status() {
        if (has(PartOutcome.UNDO_FAILED)) {
            return EnrollmentStatus.UNDO_FAILED;
        }
        boolean failed = has(PartOutcome.FAILED) || has(PartOutcome.NEEDS_MANUAL_ACTION);
        if (!failed) {
            return has(PartOutcome.QUEUED) ? EnrollmentStatus.PENDING : EnrollmentStatus.SUCCEEDED;
        }
        if (undoRan) {
            return has(PartOutcome.COMPENSATED) || has(PartOutcome.RESTORED) ? EnrollmentStatus.ROLLED_BACK
                    : EnrollmentStatus.FAILED;
        }
        boolean someDone = results.stream().anyMatch(r -> r.outcome().isDone() || r.outcome() == PartOutcome.QUEUED);
        return someDone ? EnrollmentStatus.PARTIAL : EnrollmentStatus.FAILED;
    }

    private boolean has(PartOutcome outcome) {
        return results.stream().anyMatch(r -> r.outcome() == outcome);
    }

    private void set(int i, PartOutcome outcome, String code) {
        PartResult r = results.get(i);
        results.set(i, r.with(outcome, code, r.outboxEntryId()));
    }

    private void queue(List<Integer> indices, Instant dueAt, String code) {
        Instant now = clock.instant();
        for (int i : indices) {
            OutboxEntry moved = entries.get(i).withNextAttemptAt(dueAt, now);
            // refused when the claim was lost: the new holder carries the part out, it is queued either way
            entries.set(i, outbox.update(moved) ? moved.released() : moved);
            set(i, PartOutcome.QUEUED, code);
        }
    }

    private void cancel(int i) {
        OutboxEntry entry = entries.get(i);
        if (entry != null && !entry.state().isFinal()) {
            OutboxEntry cancelled = entry.cancel(clock.instant());
            if (outbox.update(cancelled)) {
                entries.set(i, cancelled.released());
            }
        }
    }
}
