package io.github.sarisync.enrollment;

import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.StoredCourse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CourseSelectionTest {
    private static final Instant NOW = Instant.parse("2027-02-01T10:00:00Z");

    private static StoredCourse stored(long id, String group, Instant start, CourseStatus status) {
        return new StoredCourse("t1", CourseType.VKU, id, group, "VKU Teil " + id, start, null, 5, "h", status,
                NOW, NOW, NOW);
    }

    private final FixedCourseStore store = new FixedCourseStore(List.of(
            stored(1, "g1", NOW.minusSeconds(3600), CourseStatus.ACTIVE),
            stored(3, "g1", NOW.plusSeconds(7 * 86400), CourseStatus.ACTIVE),
            stored(2, "g1", NOW.plusSeconds(86400), CourseStatus.ACTIVE),
            stored(4, "g1", NOW.plusSeconds(9 * 86400), CourseStatus.CANCELLED),
            stored(9, "g2", NOW.plusSeconds(86400), CourseStatus.ACTIVE)), List.of());

    @Test
    void wholeGroupMeansItsActivePartsStillAheadInOrderOfStart() {
        assertThat(CourseSelection.group("g1").resolve("t1", store, NOW))
                .extracting(CourseSelection.Part::id).containsExactly(2L, 3L);
    }

    @Test
    void chosenPartsMustBeActivePartsOfTheGroup() {
        assertThat(CourseSelection.groupParts("g1", List.of(3L)).resolve("t1", store, NOW))
                .extracting(CourseSelection.Part::id).containsExactly(3L);
        assertThatThrownBy(() -> CourseSelection.groupParts("g1", List.of(3L, 4L, 9L)).resolve("t1", store, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[4, 9]").hasMessageContaining("g1");
    }

    @Test
    void groupWithNothingAheadIsABadRequest() {
        assertThatThrownBy(() -> CourseSelection.group("g3").resolve("t1", store, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("g3");
        assertThatThrownBy(() -> CourseSelection.group("g1").resolve("other", store, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other");
    }

    @Test
    void storedGroupNeedsACourseStore() {
        assertThatThrownBy(() -> CourseSelection.group("g1").resolve("t1", null, NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("courseStore");
    }

    @Test
    void givenPartsAreTakenAsTheyAreSortedByStart() {
        ZonedDateTime start = ZonedDateTime.parse("2027-03-01T18:00+01:00[Europe/Zurich]");
        CourseGroup group = new CourseGroup("VKU März", start.toLocalDateTime(), List.of(
                new Course(72, "Teil 2", start.plusDays(7), null, 3), new Course(71, "Teil 1", start, null, 3)));

        assertThat(CourseSelection.of(CourseType.PGS, group).resolve("t1", null, NOW))
                .extracting(CourseSelection.Part::id, CourseSelection.Part::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(71L, CourseType.PGS),
                        org.assertj.core.groups.Tuple.tuple(72L, CourseType.PGS));
        assertThatThrownBy(() -> CourseSelection.parts(CourseType.VKU, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CourseSelection.group(" ")).hasMessageContaining("groupKey");
    }
}
