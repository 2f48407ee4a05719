package io.github.sarisync.spring.event;

import io.github.sarisync.enrollment.EnrollmentFailure;
import io.github.sarisync.enrollment.EnrollmentOperation;
import io.github.sarisync.enrollment.EnrollmentResult;
import io.github.sarisync.enrollment.EnrollmentStatus;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.sync.ChangedField;
import io.github.sarisync.sync.CourseChange;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SariEventPublisherTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final List<Object> published = new ArrayList<>();
    private final SariEventPublisher publisher = new SariEventPublisher(published::add);

    @Test
    void aNewCoursePublishesCourseAdded() {
        StoredCourse course = course(CourseStatus.ACTIVE);
        publisher.courseAdded(course);
        assertThat(published).containsExactly(new CourseAddedEvent(course));
    }

    @Test
    void onlyACancellationOfAStatusChangePublishesCourseCancelled() {
        StoredCourse cancelled = course(CourseStatus.CANCELLED);
        publisher.courseStatusChanged(course(CourseStatus.COMPLETED));
        publisher.courseStatusChanged(cancelled);
        assertThat(published).containsExactly(new CourseCancelledEvent(cancelled));
    }

    @Test
    void memberChangesPublishMemberEvents() {
        StoredMember member = new StoredMember("t1", 61, "001234567", "1234567", "Anna", "Muster",
                LocalDate.of(2000, 1, 1), null, T0, T0, null);
        publisher.memberAdded(member);
        publisher.memberRemoved(member);
        assertThat(published).containsExactly(new MemberAddedEvent(member), new MemberRemovedEvent(member));
    }

    @Test
    void aPartBackOnAChangedPartAndAConfirmationPublishTheirEvents() {
        CourseChange back = CourseChange.between(course(CourseStatus.CANCELLED), course(CourseStatus.ACTIVE));
        CourseChange moved = new CourseChange(course(CourseStatus.ACTIVE), course(CourseStatus.ACTIVE),
                Set.of(ChangedField.STARTS_AT));
        StoredMember confirmed = new StoredMember("t1", 61, "001234567", "1234567", "Anna", "Muster",
                LocalDate.of(2000, 1, 1), LocalDate.of(2026, 3, 5), T0, T0, null);

        publisher.courseReactivated(back);
        publisher.courseChanged(moved);
        publisher.memberConfirmed(confirmed);

        assertThat(published).containsExactly(new CourseReactivatedEvent(back), new CourseChangedEvent(moved),
                new MemberConfirmedEvent(confirmed));
        assertThat(((CourseChangedEvent) published.get(1)).changed(ChangedField.STARTS_AT)).isTrue();
        assertThat(published.get(2).toString()).doesNotContain("001234567", "Anna", "2000-01-01");
    }

    @Test
    void aFailedEnrolmentPublishesEnrollmentFailed() {
        EnrollmentResult result = new EnrollmentResult("op-1", EnrollmentOperation.ENROLL, "t1",
                EnrollmentStatus.ROLLED_BACK, List.of(), null, null);
        EnrollmentFailure failure = new EnrollmentFailure(result, "****567", T0);

        publisher.operationFailed(failure);

        assertThat(published).containsExactly(new EnrollmentFailedEvent(failure));
        assertThat(((EnrollmentFailedEvent) published.get(0)).tenantId()).isEqualTo("t1");
    }

    @Test
    void onlyAFailedTenantRunPublishesTenantSyncFailed() {
        TenantSyncResult failed = result(SyncOutcome.FAILED);
        publisher.tenantFinished(result(SyncOutcome.SUCCESS));
        publisher.tenantFinished(result(SyncOutcome.PARTIAL));
        publisher.tenantFinished(failed);
        assertThat(published).containsExactly(new TenantSyncFailedEvent(failed));
        assertThat(((TenantSyncFailedEvent) published.get(0)).tenantId()).isEqualTo("t1");
    }

    private static StoredCourse course(CourseStatus status) {
        return new StoredCourse("t1", CourseType.VKU, 61, "g1", "VKU 1", T0,
                new CourseLocation("Hall", "Street 1", "8000", "Zürich"), 5, "hash", status, T0, T0, T0);
    }

    private static TenantSyncResult result(SyncOutcome outcome) {
        return new TenantSyncResult("t1", "School", "run-1", SyncTrigger.SCHEDULED, outcome, Map.of(),
                outcome == SyncOutcome.FAILED ? "AUTHENTICATION_FAILED" : null,
                outcome == SyncOutcome.FAILED ? "token: refused" : null, List.of(), T0, T0.plusSeconds(3));
    }
}
