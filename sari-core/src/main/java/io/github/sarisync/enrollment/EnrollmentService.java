package io.github.sarisync.enrollment;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxQuery;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.sync.SyncOptions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Registers students for whole SARI courses safely. SARI registers per part and has no dry run,
 * so this service checks the student's licence first, writes every requested part change to a
 * durable {@link EnrollmentOutbox} before calling SARI, reports each part's outcome, undoes partial
 * work on request, and retries changes that failed transiently on later {@link #processOutbox()}
 * runs. Every operation and every outbox attempt is written to the run log (masked faberid only).
 *
 * <pre>{@code
 * EnrollmentService enrollments = EnrollmentService.builder()
 *     .clients(engine::clientFor).courseStore(courses).syncLogStore(logs).outbox(outbox)
 *     .lock(lock)                              // the engine's SyncLock: drain each tenant under its sync lease
 *     .build();
 * EnrollmentResult r = enrollments.enroll("tenant-42", Student.of("001234567", birthdate),
 *     CourseSelection.group(groupKey), FailurePolicy.COMPENSATE);
 * // from the host's schedule, e.g. after engine.syncAll():
 * enrollments.processOutbox();
 * }</pre>
 *
 * Thread-safe. Operations for different students may run in parallel; the service does not
 * serialise two operations for the same student.
 */
public final class EnrollmentService {
    private final Function<String, SARIClient> clients;
    private final CourseStore courseStore;
    private final EnrollmentOutbox outbox;
    private final Clock clock;
    private final OutboxPolicy policy;
    private final LicenceRules licenceRules;
    private final FailurePolicy defaultFailurePolicy;
    private final PartCalls calls;
    private final OperationLog operationLog;
    private final OutboxProcessor processor;
    private final GuardedEnrollmentListener listener;
    private final String holderId;

    private EnrollmentService(Builder b) {
        this.clients = b.clients;
        this.courseStore = b.courseStore;
        this.outbox = b.outbox;
        this.clock = b.clock;
        this.policy = b.outboxPolicy;
        this.licenceRules = b.licenceRules;
        this.defaultFailurePolicy = b.defaultFailurePolicy;
        RunLogWriter runLog = new RunLogWriter(b.syncLogStore);
        this.calls = PartCalls.forOperations(outbox, policy, clock);
        this.operationLog = new OperationLog(runLog, clock);
        // the default instance id looks the host name up: only worth it when a lease is taken under it
        String instanceId = b.instanceId != null ? b.instanceId
                : b.lock != null ? SyncOptions.defaults().instanceId() : "local";
        this.holderId = instanceId + "#outbox-" + UUID.randomUUID().toString().substring(0, 8);
        this.processor = new OutboxProcessor(outbox, clients, PartCalls.forOutboxRuns(outbox, policy, clock), runLog,
                policy, clock, b.outboxListener, b.lock, holderId);
        this.listener = new GuardedEnrollmentListener(b.enrollmentListener, clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Enrols with the builder's default failure policy (COMPENSATE unless set). */
    public EnrollmentResult enroll(String tenantId, Student student, CourseSelection selection) {
        return enroll(tenantId, student, selection, defaultFailurePolicy);
    }

    /**
     * Registers a student for the selected parts, in order of their start. The licence is checked
     * first (no registration call when it does not qualify). A part SARI refuses for good is handled
     * by {@code onFailure}; a transient fault queues that part and the later ones in the outbox.
     */
    public EnrollmentResult enroll(String tenantId, Student student, CourseSelection selection,
                                   FailurePolicy onFailure) {
        requireTenant(tenantId);
        Objects.requireNonNull(student, "student must not be null");
        Objects.requireNonNull(selection, "selection must not be null");
        Objects.requireNonNull(onFailure, "onFailure must not be null");
        List<CourseSelection.Part> parts = selection.resolve(tenantId, courseStore, clock.instant());
        EnrollmentResult done = operationLog.record(EnrollmentOperation.ENROLL, tenantId, student.faberId(), parts, opId -> {
            try (OperationRun run = newRun(opId, tenantId, student.faberId(), student.birthdate())) {
                List<Integer> indices = run.plan(parts, OutboxAction.ENROLL);
                Optional<EnrollmentResult> stop = checkStudent(opId, EnrollmentOperation.ENROLL, tenantId, student,
                        parts, run);
                if (stop.isPresent()) {
                    return stop.get();
                }
                run.persist(indices);
                OperationRun.PhaseEnd end = run.runPhase(indices, onFailure, true);
                if (end == OperationRun.PhaseEnd.FAILED && onFailure == FailurePolicy.COMPENSATE) {
                    run.undo(indices);
                }
                return result(opId, EnrollmentOperation.ENROLL, tenantId, run);
            }
        });
        return listener.told(done, student.faberId());
    }

    /**
     * Unregisters a student from the selected parts. Every part is tried; a confirmed registration is
     * reported as NEEDS_MANUAL_ACTION (only the SARI portal can remove it); a transient fault queues
     * that part and the later ones in the outbox.
     */
    public EnrollmentResult unenroll(String tenantId, String faberId, CourseSelection selection) {
        requireTenant(tenantId);
        FaberIds.requireValid(faberId);
        Objects.requireNonNull(selection, "selection must not be null");
        List<CourseSelection.Part> parts = selection.resolve(tenantId, courseStore, clock.instant());
        EnrollmentResult done = operationLog.record(EnrollmentOperation.UNENROLL, tenantId, faberId, parts, opId -> {
            try (OperationRun run = newRun(opId, tenantId, faberId, null)) {
                List<Integer> indices = run.plan(parts, OutboxAction.UNENROLL);
                run.persist(indices);
                run.runPhase(indices, FailurePolicy.CONTINUE, true);
                return result(opId, EnrollmentOperation.UNENROLL, tenantId, run);
            }
        });
        return listener.told(done, faberId);
    }

    /**
     * Moves a student from one course to another as one operation: registers the new parts first,
     * then unregisters the old ones. When a new part cannot be registered, the new parts this call
     * registered are unregistered again and the old ones are left untouched. When an old part cannot
     * be unregistered (refused or confirmed), the old parts this call removed are registered again and
     * the new ones unregistered. A transient fault while leaving the old parts queues them in the
     * outbox instead (the student is already in the new course). The old parts' outbox entries are
     * written only once the new parts are all registered, so that a crash never removes the student
     * from the old course before the new one holds them.
     */
    public EnrollmentResult transfer(String tenantId, Student student, CourseSelection from, CourseSelection to) {
        requireTenant(tenantId);
        Objects.requireNonNull(student, "student must not be null");
        Objects.requireNonNull(from, "from must not be null");
        Objects.requireNonNull(to, "to must not be null");
        Instant now = clock.instant();
        List<CourseSelection.Part> oldParts = from.resolve(tenantId, courseStore, now);
        List<CourseSelection.Part> newParts = to.resolve(tenantId, courseStore, now);
        Set<Long> overlap = new TreeSet<>();
        oldParts.forEach(p -> overlap.add(p.id()));
        overlap.retainAll(newParts.stream().map(CourseSelection.Part::id).toList());
        if (!overlap.isEmpty()) {
            throw new IllegalArgumentException("transfer: parts " + overlap + " are in both the old and the new course");
        }
        List<CourseSelection.Part> all = new ArrayList<>(newParts);
        all.addAll(oldParts);
        EnrollmentResult done = operationLog.record(EnrollmentOperation.TRANSFER, tenantId, student.faberId(), all, opId -> {
            try (OperationRun run = newRun(opId, tenantId, student.faberId(), student.birthdate())) {
                List<Integer> newIdx = run.plan(newParts, OutboxAction.ENROLL);
                List<Integer> oldIdx = run.plan(oldParts, OutboxAction.UNENROLL);
                Optional<EnrollmentResult> stop = checkStudent(opId, EnrollmentOperation.TRANSFER, tenantId, student,
                        newParts, run);
                if (stop.isPresent()) {
                    return stop.get();
                }
                Optional<Long> confirmed = knownConfirmed(tenantId, student.faberId(), oldParts);
                if (confirmed.isPresent()) {
                    return refused(opId, EnrollmentOperation.TRANSFER, tenantId, run,
                            new Refusal(Refusal.Reason.CONFIRMED_REGISTRATION, "the registration in part "
                                    + confirmed.get() + " is confirmed; only the SARI portal can remove it"));
                }
                run.persist(newIdx);
                if (run.runPhase(newIdx, FailurePolicy.LEAVE, false) == OperationRun.PhaseEnd.FAILED) {
                    run.undo(newIdx);
                    return result(opId, EnrollmentOperation.TRANSFER, tenantId, run);
                }
                run.persist(oldIdx);
                if (run.runPhase(oldIdx, FailurePolicy.LEAVE, true) == OperationRun.PhaseEnd.FAILED) {
                    List<Integer> both = new ArrayList<>(newIdx);
                    both.addAll(oldIdx);
                    run.undo(both);
                }
                return result(opId, EnrollmentOperation.TRANSFER, tenantId, run);
            }
        });
        return listener.told(done, student.faberId());
    }

    /**
     * Tries the outbox entries that are due once each (at most {@code outboxPolicy.batchSize()}): changes that
     * failed transiently, and changes a crashed operation left pending. Call it from the host's schedule, e.g.
     * after {@code engine.syncAll()}. Never throws for a SARI fault. An entry that fails for good is given up on
     * (stamped in the outbox, for health) and told to the {@link OutboxListener} once across instances, by a later
     * run if its process died first. With a {@link Builder#lock lock} each tenant is drained under its sync lease:
     * a tenant held elsewhere waits for a later run ({@link OutboxRunReport#lockedTenants()}), one whose lease
     * was lost is no longer sent for ({@link OutboxRunReport#lostLeases()}).
     */
    public OutboxRunReport processOutbox() {
        return processor.run();
    }

    /**
     * The holder id under which outbox runs take tenant leases (with a {@link Builder#lock lock}):
     * {@code <instanceId>#outbox-} and a random suffix, never an engine's {@code holderId()}, so that a drain never
     * renews (and thereby takes over) a sync's lease.
     */
    public String holderId() {
        return holderId;
    }

    /** The outbox entries an operation wrote (its parts and any undo), in the order written. */
    public List<OutboxEntry> outboxEntries(String operationId) {
        return outbox.list(OutboxQuery.operation(operationId));
    }

    private OperationRun newRun(String opId, String tenantId, String faberId, LocalDate birthdate) {
        SARIClient client = clients.apply(tenantId);
        if (client == null) {
            throw new IllegalStateException("no SARI client for tenant " + tenantId);
        }
        return new OperationRun(opId, tenantId, faberId, birthdate, client, outbox, calls, policy, clock);
    }

    /** Looks the student up and checks the licence against the parts; a result when it must stop. */
    private Optional<EnrollmentResult> checkStudent(String opId, EnrollmentOperation op, String tenantId,
                                                    Student student, List<CourseSelection.Part> parts,
                                                    OperationRun run) {
        Customer customer;
        try {
            customer = run.client().customer(student.faberId(), student.birthdate());
        } catch (SariException e) {
            if (e.code() == SariErrorCode.PERSON_NOT_FOUND || e.code() == SariErrorCode.MISMATCH_BIRTHDATE_FABERID) {
                return Optional.of(refused(opId, op, tenantId, run, new Refusal(Refusal.Reason.STUDENT_NOT_FOUND,
                        "SARI answered " + e.status() + " for faberId " + student.maskedFaberId())));
            }
            return Optional.of(new EnrollmentResult(opId, op, tenantId, EnrollmentStatus.FAILED, run.results(), null,
                    e.status()));
        }
        CourseSelection.Part last = parts.get(parts.size() - 1);
        LocalDate lastDay = last.startsAt().atZone(StoredCourse.SWISS).toLocalDate();
        return licenceRules.check(customer, last.type(), lastDay).map(r -> refused(opId, op, tenantId, run, r));
    }

    private Optional<Long> knownConfirmed(String tenantId, String faberId, List<CourseSelection.Part> parts) {
        if (courseStore == null) {
            return Optional.empty();
        }
        return parts.stream().map(CourseSelection.Part::id)
                .filter(id -> courseStore.findMembers(tenantId, id).stream().anyMatch(m -> m.removedAt() == null
                        && m.confirmedOn() != null && FaberIds.same(m.faberId(), faberId)))
                .findFirst();
    }

    private static EnrollmentResult refused(String opId, EnrollmentOperation op, String tenantId, OperationRun run,
                                            Refusal refusal) {
        return new EnrollmentResult(opId, op, tenantId, EnrollmentStatus.REFUSED, run.results(), refusal, null);
    }

    private static EnrollmentResult result(String opId, EnrollmentOperation op, String tenantId, OperationRun run) {
        return new EnrollmentResult(opId, op, tenantId, run.status(), run.results(), null, null);
    }

    private static void requireTenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId must not be blank");
        }
    }

    /**
     * Builds an {@link EnrollmentService}. Required: clients, syncLogStore, outbox. A courseStore is
     * needed to select stored course groups. {@link #build()} names the missing setting.
     */
    public static final class Builder {
        private Function<String, SARIClient> clients;
        private CourseStore courseStore;
        private SyncLogStore syncLogStore;
        private EnrollmentOutbox outbox;
        private Clock clock = Clock.systemUTC();
        private OutboxPolicy outboxPolicy = OutboxPolicy.defaults();
        private LicenceRules licenceRules = LicenceRules.defaults();
        private FailurePolicy defaultFailurePolicy = FailurePolicy.COMPENSATE;
        private OutboxListener outboxListener;
        private EnrollmentListener enrollmentListener;
        private SyncLock lock;
        private String instanceId;

        private Builder() {
        }

        /** The SARI client of a tenant, e.g. {@code engine::clientFor}. Called once per operation. */
        public Builder clients(Function<String, SARIClient> value) {
            this.clients = value;
            return this;
        }

        /** Where stored course groups are resolved to their parts (and confirmed members seen). */
        public Builder courseStore(CourseStore value) {
            this.courseStore = value;
            return this;
        }

        public Builder syncLogStore(SyncLogStore value) {
            this.syncLogStore = value;
            return this;
        }

        /** The durable outbox; use the JDBC one in production ({@code SariJdbc.enrollmentOutbox()}). */
        public Builder outbox(EnrollmentOutbox value) {
            this.outbox = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder outboxPolicy(OutboxPolicy value) {
            this.outboxPolicy = value;
            return this;
        }

        public Builder licenceRules(LicenceRules value) {
            this.licenceRules = value;
            return this;
        }

        /** The policy of {@link EnrollmentService#enroll(String, Student, CourseSelection)}; default COMPENSATE. */
        public Builder defaultFailurePolicy(FailurePolicy value) {
            this.defaultFailurePolicy = value;
            return this;
        }

        /** Told of every entry an outbox run gives up on (optional; a throwing listener is logged and ignored). */
        public Builder outboxListener(OutboxListener value) {
            this.outboxListener = value;
            return this;
        }

        /**
         * Told of every live operation that ends PARTIAL, ROLLED_BACK, FAILED or UNDO_FAILED (optional; a throwing
         * listener is logged and ignored). See {@link EnrollmentListener}.
         */
        public Builder enrollmentListener(EnrollmentListener value) {
            this.enrollmentListener = value;
            return this;
        }

        /**
         * The lock the sync engine takes tenant leases from (the same instance in one process, e.g.
         * {@code jdbc.syncLock()} for several): each outbox run then drains a tenant only while it holds the
         * tenant's sync lease ({@link SyncLock#tenantLeaseName}), held for {@code outboxPolicy.claimLease()} and
         * extended while it sends. The sync lease itself, not one of its own, because a drain and a sync use the
         * same school's SARI account: one lease keeps them from running at once on any instance, and so keeps
         * the school within SARI's per-school fair-use rate across instances. Optional: without it the claims
         * alone keep each entry from being sent twice, but a drain and a sync of one school may overlap. Live
         * operations never wait for the lease.
         */
        public Builder lock(SyncLock value) {
            this.lock = value;
            return this;
        }

        /**
         * The instance's name, the prefix of {@link EnrollmentService#holderId()}; e.g. the engine's
         * {@code SyncOptions.instanceId()}. Default: as {@code SyncOptions.instanceId()} (host name and a random
         * suffix) when a lock is set.
         */
        public Builder instanceId(String value) {
            this.instanceId = value;
            return this;
        }

        public EnrollmentService build() {
            require(clients, "clients");
            require(syncLogStore, "syncLogStore");
            require(outbox, "outbox");
            require(clock, "clock");
            require(outboxPolicy, "outboxPolicy");
            require(licenceRules, "licenceRules");
            require(defaultFailurePolicy, "defaultFailurePolicy");
            if (instanceId != null && instanceId.isBlank()) {
                throw new IllegalArgumentException("EnrollmentService: instanceId must not be blank");
            }
            return new EnrollmentService(this);
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalArgumentException("EnrollmentService: " + name + " is required");
            }
        }
    }
}
