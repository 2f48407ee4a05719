package io.github.sarisync.testkit;

import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static io.github.sarisync.testkit.RawSari.result;
import static io.github.sarisync.testkit.RawSari.status;
import static io.github.sarisync.testkit.SimFixtures.ANNA;
import static io.github.sarisync.testkit.SimFixtures.LOCATION;
import static io.github.sarisync.testkit.SimFixtures.LUCA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changes a test makes over time, seen through the API and through the snapshots. */
class SimulatorChangesTest {
    private SariSimulator sari;
    private SimulatedSchool school;
    private RawSari raw;
    private String token;

    @BeforeEach
    void start() {
        sari = SimFixtures.builder().start();
        school = SimFixtures.populate(sari);
        raw = new RawSari(sari);
        token = raw.token(school.credentials());
    }

    @AfterEach
    void stop() {
        sari.close();
    }

    private List<Long> listedVkuParts() {
        return school.courses(CourseType.VKU).stream().flatMap(g -> g.courses().stream()).map(Course::id).toList();
    }

    @Test
    void anAddedGroupIsListedAndACancelledOneDisappearsWithItsParts() {
        school.addGroup(CourseType.VKU, "VKU April", List.of(
                PartSpec.of(63, "VKU Teil 1", LocalDateTime.of(2026, 4, 1, 18, 0), LOCATION, 10)));
        assertThat(result(raw.api("/courses/VKU", token))).hasSize(2);

        assertThat(school.cancelGroup(CourseType.VKU, "VKU März")).isTrue();
        assertThat(result(raw.api("/courses/VKU", token))).singleElement()
                .satisfies(g -> assertThat(g.get("name").asText()).isEqualTo("VKU April"));
        assertThat(status(raw.api("/coursedetail/61", token))).isEqualTo("COURSE_NOT_FOUND");
        assertThat(school.cancelGroup(CourseType.VKU, "VKU März")).isFalse();
    }

    @Test
    void partIdsMustBeUniqueAcrossTheSimulator() {
        assertThatThrownBy(() -> sari.school("other").addGroup(CourseType.VKU, "Dup", List.of(
                PartSpec.of(61, "VKU Teil 1", SimFixtures.PART_1, LOCATION, 1)))).hasMessageContaining("61");
    }

    @Test
    void groupDateDefaultsToMidnightOfTheFirstPart() {
        school.addGroup(CourseType.PGS, "PGS Mai", List.of(
                PartSpec.of(72, "PGS Tag 2", LocalDateTime.of(2026, 5, 3, 8, 0), LOCATION, 4),
                PartSpec.of(73, "PGS Tag 1", LocalDateTime.of(2026, 5, 2, 8, 0), LOCATION, 4)));

        assertThat(school.courses(CourseType.PGS)).filteredOn(g -> g.name().equals("PGS Mai")).singleElement()
                .satisfies(g -> assertThat(g.date()).isEqualTo(LocalDateTime.of(2026, 5, 2, 0, 0)));
    }

    @Test
    void advancingTheClockHidesStartedPartsAndDropPastPartsRemovesThem() {
        sari.clock().set(SimFixtures.PART_1.plusHours(1));
        assertThat(listedVkuParts()).containsExactly(62L);
        assertThat(school.members(61)).isEmpty();

        assertThat(school.dropPastParts()).isEqualTo(1);
        assertThatThrownBy(() -> school.members(61)).hasMessageContaining("61");
        sari.clock().advance(Duration.ofDays(60));
        assertThat(sari.dropPastParts()).isEqualTo(3);
        assertThat(school.courses(CourseType.VKU)).isEmpty();
    }

    @Test
    void aPartWhoseStartPassedIsListedAgainOnceMovedIntoTheFutureWithItsMembers() {
        school.addMember(61, ANNA.faberId());
        sari.clock().set(SimFixtures.PART_1.plusHours(1));
        assertThat(listedVkuParts()).containsExactly(62L);

        school.moveStart(61, SimFixtures.PART_2.plusDays(7));

        assertThat(listedVkuParts()).containsExactly(61L, 62L);
        assertThat(school.courses(CourseType.VKU).get(0).courses().get(0).startsAt().toLocalDateTime())
                .isEqualTo(SimFixtures.PART_2.plusDays(7));
        assertThat(school.members(61)).extracting(CourseMember::faberId).containsExactly("001234567");
        assertThatThrownBy(() -> school.moveStart(81, SimFixtures.PART_2)).hasMessageContaining("81");
    }

    @Test
    void freePlacesCanBeChanged() {
        school.setFreePlaces(61, 0);

        assertThat(result(raw.api("/courses/VKU", token)).get(0).get("courses").get(0).get("freeplaces").asInt())
                .isZero();
        assertThat(status(raw.enroll(token, "61", ANNA.faberId(), ANNA.birthdate().toString())))
                .isEqualTo("COURSE_NOT_ALLOWED_OR_ENABLED");
    }

    @Test
    void membersCanBeAddedConfirmedAndRemovedDirectly() {
        school.addMember(61, ANNA.faberId());
        school.addMember(61, LUCA.faberId());
        school.confirmMember(61, "001234567", LocalDate.of(2026, 3, 1));

        assertThat(school.members(61)).extracting(CourseMember::confirmedOn)
                .containsExactly(LocalDate.of(2026, 3, 1), null);
        assertThat(school.removeMember(61, LUCA.faberId())).isTrue();
        assertThat(school.removeMember(61, LUCA.faberId())).isFalse();
        assertThat(result(raw.api("/coursedetail/61", token))).hasSize(1);
        assertThat(school.freePlaces(61)).isEqualTo(12);
    }

    @Test
    void directChangesRejectUnknownPartsAndStudents() {
        assertThatThrownBy(() -> school.addMember(81, ANNA.faberId())).hasMessageContaining("81");
        assertThatThrownBy(() -> school.addMember(61, "9999999")).hasMessageContaining("registry");
        school.addMember(61, ANNA.faberId());
        assertThatThrownBy(() -> school.addMember(61, ANNA.faberId())).hasMessageContaining("already");
        assertThatThrownBy(() -> school.confirmMember(61, LUCA.faberId(), LocalDate.of(2026, 3, 1)))
                .hasMessageContaining("not in part");
        assertThatThrownBy(() -> school.setFreePlaces(61, -1)).hasMessageContaining("freePlaces");
    }

    @Test
    void aReplacedStudentIsFoundByAnyPadding() {
        assertThat(sari.student("0001234567")).isEqualTo(ANNA);
        assertThat(sari.student("9999999")).isNull();
    }

    @Test
    void schoolsAreFoundByIdAndIndex() {
        assertThat(sari.school(0).id()).isEqualTo("muster");
        assertThat(sari.schools()).extracting(SimulatedSchool::id).containsExactly("muster", "other");
        assertThatThrownBy(() -> sari.school("nope")).hasMessageContaining("nope");
        assertThatThrownBy(() -> sari.addSchool("muster")).hasMessageContaining("exists");
    }
}
