package io.github.sarisync.testkit;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static io.github.sarisync.testkit.RawSari.status;
import static io.github.sarisync.testkit.SimFixtures.ANNA;
import static io.github.sarisync.testkit.SimFixtures.EXPIRED;
import static io.github.sarisync.testkit.SimFixtures.LOCATION;
import static io.github.sarisync.testkit.SimFixtures.LUCA;
import static org.assertj.core.api.Assertions.assertThat;

/** putPersonCourse and deletePersonCourse over raw HTTP, with SARI's business rules. */
class SimulatorRegistrationTest {
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

    private String enrol(long part, Customer student) {
        return status(raw.enroll(token, Long.toString(part), student.faberId(), student.birthdate().toString()));
    }

    @Test
    void enrolmentAddsAnUnconfirmedMemberAndTakesAPlace() {
        var answer = raw.enroll(token, "61", "001234567", "2005-01-01");

        assertThat(status(answer)).isEqualTo("OK");
        assertThat(RawSari.result(answer)).isEmpty();
        assertThat(school.members(61)).singleElement().satisfies(m -> {
            assertThat(m.faberId()).isEqualTo("001234567");
            assertThat(m.confirmedOn()).isNull();
        });
        assertThat(school.freePlaces(61)).isEqualTo(11);
    }

    @Test
    void enrollingTwiceIsPersonAlreadyAddedWhateverThePadding() {
        enrol(61, ANNA);

        assertThat(status(raw.enroll(token, "61", "01234567", "2005-01-01"))).isEqualTo("PERSON_ALREADY_ADDED");
        assertThat(school.freePlaces(61)).isEqualTo(11);
    }

    @Test
    void enrolmentRefusesUnknownPartsAndOtherSchoolsParts() {
        assertThat(enrol(999, ANNA)).isEqualTo("COURSE_NOT_FOUND");
        assertThat(enrol(81, ANNA)).isEqualTo("NO_PERMISSION");
    }

    @Test
    void enrolmentRefusesUnknownStudentsAndWrongBirthdates() {
        assertThat(status(raw.enroll(token, "61", "9999999", "2005-01-01"))).isEqualTo("PERSON_NOT_FOUND");
        assertThat(status(raw.enroll(token, "61", "1234567", "2005-01-02"))).isEqualTo("MISMATCH_BIRTHDATE_FABERID");
    }

    @Test
    void malformedParametersAreInvalid() {
        assertThat(status(raw.enroll(token, "x61", "1234567", "2005-01-01"))).isEqualTo("INVALID_PARAMETER");
        assertThat(status(raw.enroll(token, "61", "12-34", "2005-01-01"))).isEqualTo("INVALID_PARAMETER");
        assertThat(status(raw.enroll(token, "61", "1234567", "1.1.2005"))).isEqualTo("INVALID_PARAMETER");
        assertThat(status(raw.form("PUT", token, "courseid=61"))).isEqualTo("INVALID_PARAMETER");
        assertThat(status(raw.unenroll(token, "", "1234567"))).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void unreleasedPartOrDisabledTypeIsNotAllowed() {
        school.setReleased(61, false);
        assertThat(enrol(61, ANNA)).isEqualTo("COURSE_NOT_ALLOWED_OR_ENABLED");

        school.setTypeEnabled(CourseType.VKU, false);
        assertThat(enrol(62, ANNA)).isEqualTo("COURSE_NOT_ALLOWED_OR_ENABLED");
    }

    @Test
    void fullPartIsNotAllowed() {
        assertThat(enrol(62, ANNA)).isEqualTo("OK");
        assertThat(school.freePlaces(62)).isZero();

        assertThat(enrol(62, LUCA)).isEqualTo("COURSE_NOT_ALLOWED_OR_ENABLED");
    }

    @Test
    void licenceMustFitTheCourseTypeAndBeValidOnThePartsDay() {
        assertThat(enrol(71, ANNA)).as("B does not allow PGS").isEqualTo("LICENSE_EXPIRED");
        assertThat(enrol(71, LUCA)).as("A1 allows PGS").isEqualTo("OK");
        assertThat(enrol(61, EXPIRED)).as("expired before the part").isEqualTo("LICENSE_EXPIRED");
    }

    @Test
    void deadlineIsTheStartUnlessAPartHasItsOwn() {
        LocalDateTime start = LocalDateTime.of(2026, 3, 20, 18, 0);
        school.addGroup(CourseType.VKU, "VKU mit Frist", List.of(
                PartSpec.of(91, "VKU Teil 1", start, LOCATION, 5).withDeadline(start.minusDays(5))));

        sari.clock().set(start.minusDays(5).plusMinutes(1));
        token = raw.token(school.credentials());
        assertThat(enrol(91, ANNA)).isEqualTo("COURSE_PERSON_DEADLINE_VIOLATED");
        assertThat(enrol(61, ANNA)).isEqualTo("COURSE_PERSON_DEADLINE_VIOLATED");
        assertThat(enrol(71, LUCA)).isEqualTo("OK");
    }

    @Test
    void unenrolmentRemovesTheMemberAndFreesThePlace() {
        enrol(61, ANNA);

        var answer = raw.unenroll(token, "61", "1234567");
        assertThat(status(answer)).isEqualTo("OK");
        assertThat(school.members(61)).isEmpty();
        assertThat(school.freePlaces(61)).isEqualTo(12);
    }

    @Test
    void unenrolmentStatuses() {
        school.addMember(61, ANNA.faberId(), LocalDate.of(2026, 3, 1));

        assertThat(status(raw.unenroll(token, "61", "1234567"))).isEqualTo("COURSEMEMBER_ALREADY_CONFIRMED");
        assertThat(status(raw.unenroll(token, "61", "7654321"))).isEqualTo("COURSEMEMBER_NOT_FOUND");
        assertThat(status(raw.unenroll(token, "999", "7654321"))).isEqualTo("COURSE_NOT_FOUND");
        assertThat(status(raw.unenroll(token, "81", "7654321"))).isEqualTo("NO_PERMISSION");
        assertThat(school.members(61)).hasSize(1);
    }
}
