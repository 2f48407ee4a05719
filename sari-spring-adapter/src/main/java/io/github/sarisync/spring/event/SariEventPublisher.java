package io.github.sarisync.spring.event;

import io.github.sarisync.enrollment.EnrollmentFailure;
import io.github.sarisync.enrollment.EnrollmentListener;
import io.github.sarisync.enrollment.OutboxGiveUp;
import io.github.sarisync.enrollment.OutboxListener;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.sync.CourseChange;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;
import org.springframework.context.ApplicationEventPublisher;

import java.util.Objects;

/**
 * Turns the engine's {@link SyncListener} calls into Spring application events
 * ({@link CourseAddedEvent}, {@link CourseCancelledEvent}, {@link CourseReactivatedEvent},
 * {@link CourseChangedEvent}, {@link MemberAddedEvent}, {@link MemberConfirmedEvent},
 * {@link MemberRemovedEvent}, {@link TenantSyncFailedEvent}), the enrolment outbox's give-ups
 * ({@link OutboxListener}) into {@link OutboxEntryGaveUpEvent}, and failed live enrolment operations
 * ({@link EnrollmentListener}) into {@link EnrollmentFailedEvent}. Events are published synchronously
 * on the engine's (the outbox worker's, the enrolment caller's) threads: a slow {@code @EventListener}
 * slows the sync, so hand long work to an executor ({@code @Async}).
 */
public class SariEventPublisher implements SyncListener, OutboxListener, EnrollmentListener {
    private final ApplicationEventPublisher publisher;

    public SariEventPublisher(ApplicationEventPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public void courseAdded(StoredCourse course) {
        publisher.publishEvent(new CourseAddedEvent(course));
    }

    @Override
    public void courseStatusChanged(StoredCourse course) {
        if (course.status() == CourseStatus.CANCELLED) {
            publisher.publishEvent(new CourseCancelledEvent(course));
        }
    }

    @Override
    public void courseReactivated(CourseChange change) {
        publisher.publishEvent(new CourseReactivatedEvent(change));
    }

    @Override
    public void courseChanged(CourseChange change) {
        publisher.publishEvent(new CourseChangedEvent(change));
    }

    @Override
    public void memberAdded(StoredMember member) {
        publisher.publishEvent(new MemberAddedEvent(member));
    }

    @Override
    public void memberConfirmed(StoredMember member) {
        publisher.publishEvent(new MemberConfirmedEvent(member));
    }

    @Override
    public void memberRemoved(StoredMember member) {
        publisher.publishEvent(new MemberRemovedEvent(member));
    }

    @Override
    public void tenantFinished(TenantSyncResult result) {
        if (result.outcome() == SyncOutcome.FAILED) {
            publisher.publishEvent(new TenantSyncFailedEvent(result));
        }
    }

    @Override
    public void entryGaveUp(OutboxGiveUp giveUp) {
        publisher.publishEvent(new OutboxEntryGaveUpEvent(giveUp));
    }

    @Override
    public void operationFailed(EnrollmentFailure failure) {
        publisher.publishEvent(new EnrollmentFailedEvent(failure));
    }
}
