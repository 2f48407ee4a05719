package io.github.sarisync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sarisync.model.CourseType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.github.sarisync.testkit.RawSari.enc;
import static io.github.sarisync.testkit.RawSari.result;
import static io.github.sarisync.testkit.RawSari.status;
import static io.github.sarisync.testkit.SimFixtures.ANNA;
import static io.github.sarisync.testkit.SimFixtures.LOCATION;
import static org.assertj.core.api.Assertions.assertThat;

/** getVersion, getCustomer, getCourses and getCourseDetail over raw HTTP, as SARI shapes them. */
class SimulatorQueriesTest {
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

    @Test
    void versionEchoesTheDecodedSegment() {
        var answer = raw.api("/version/" + enc("a b/c+d"), token);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(status(answer)).isEqualTo("OK");
        assertThat(result(answer).asText()).isEqualTo("a b/c+d");
    }

    @Test
    void customerHasAnUnpaddedFaberIdAZipStringAndLicences() {
        JsonNode customer = result(raw.api("/customer/001234567/2005-01-01", token));

        assertThat(customer.get("faberid").asText()).isEqualTo("1234567");
        assertThat(customer.get("zip").isTextual()).isTrue();
        assertThat(customer.get("zip").asText()).isEqualTo("3000");
        assertThat(customer.get("firstname").asText()).isEqualTo("Anna");
        assertThat(customer.get("lastname").asText()).isEqualTo("Muster");
        assertThat(customer.get("address").asText()).isEqualTo("Weg 1");
        assertThat(customer.get("city").asText()).isEqualTo("Bern");
        assertThat(customer.get("licenses").get(0).get("category").asText()).isEqualTo("B");
        assertThat(customer.get("licenses").get(0).get("expirationdate").asText()).isEqualTo("2030-01-01");
    }

    @Test
    void customerLookupStatuses() {
        assertThat(status(raw.api("/customer/9999999/2005-01-01", token))).isEqualTo("PERSON_NOT_FOUND");
        assertThat(status(raw.api("/customer/1234567/2005-01-02", token))).isEqualTo("MISMATCH_BIRTHDATE_FABERID");
        assertThat(status(raw.api("/customer/1234567/01.01.2005", token))).isEqualTo("INVALID_PARAMETER");
        assertThat(status(raw.api("/customer/12ab/2005-01-01", token))).isEqualTo("INVALID_PARAMETER");
        assertThat(status(raw.api("/customer/1234567", token))).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void coursesAreAnArrayOfGroupsWithPartsAsSariSendsThem() {
        JsonNode groups = result(raw.api("/courses/VKU", token));

        assertThat(groups.isArray()).isTrue();
        assertThat(groups).hasSize(1);
        JsonNode group = groups.get(0);
        assertThat(group.get("name").asText()).isEqualTo("VKU März");
        assertThat(group.get("date").asText()).isEqualTo("2026-03-10 00:00");
        JsonNode part = group.get("courses").get(0);
        assertThat(part.get("id").asLong()).isEqualTo(61);
        assertThat(part.get("name").asText()).isEqualTo("VKU Teil 1");
        assertThat(part.get("date").asText()).isEqualTo("2026-03-10 18:00");
        assertThat(part.get("freeplaces").asInt()).isEqualTo(12);
        JsonNode address = part.get("address");
        assertThat(address.get("name").asText()).isEqualTo(LOCATION.name());
        assertThat(address.get("address").asText()).isEqualTo(LOCATION.street());
        assertThat(address.get("zip").isNumber()).isTrue();
        assertThat(address.get("zip").asInt()).isEqualTo(3000);
        assertThat(address.get("city").asText()).isEqualTo("Bern");
        assertThat(group.get("courses")).extracting(p -> p.get("id").asLong()).containsExactly(61L, 62L);
    }

    @Test
    void partsThatStartedAreNoLongerListed() {
        sari.clock().set(SimFixtures.PART_1.plusMinutes(1));
        token = raw.token(school.credentials());

        assertThat(result(raw.api("/courses/VKU", token)).get(0).get("courses"))
                .extracting(p -> p.get("id").asLong()).containsExactly(62L);
        assertThat(status(raw.api("/coursedetail/61", token))).isEqualTo("OK");
    }

    @Test
    void unreleasedPartsAreNotListed() {
        school.setReleased(62, false);

        assertThat(result(raw.api("/courses/VKU", token)).get(0).get("courses"))
                .extracting(p -> p.get("id").asLong()).containsExactly(61L);
    }

    @Test
    void resultIsNullWhenNothingIsListed() {
        school.cancelGroup(CourseType.PGS, "PGS April");

        var answer = raw.api("/courses/PGS", token);
        assertThat(status(answer)).isEqualTo("OK");
        assertThat(result(answer).isNull()).isTrue();
    }

    @Test
    void disabledOrUnknownCourseTypeIsSectionNotFound() {
        school.setTypeEnabled(CourseType.PGS, false);

        assertThat(status(raw.api("/courses/PGS", token))).isEqualTo("SECTION_NOT_FOUND");
        assertThat(status(raw.api("/courses/XYZ", token))).isEqualTo("SECTION_NOT_FOUND");
        assertThat(status(raw.api("/courses/VKU", token))).isEqualTo("OK");
    }

    @Test
    void singleObjectFormAnswersOneGroupAsAnObject() {
        sari.coursesForm(CoursesForm.SINGLE_OBJECT);

        JsonNode group = result(raw.api("/courses/VKU", token));
        assertThat(group.isObject()).isTrue();
        assertThat(group.get("name").asText()).isEqualTo("VKU März");
    }

    @Test
    void courseDetailListsMembersWithPaddedFaberIdsAndConfirmation() {
        school.addMember(61, ANNA.faberId(), LocalDate.of(2026, 3, 1));
        school.addMember(61, SimFixtures.LUCA.faberId());

        JsonNode members = result(raw.api("/coursedetail/61", token));
        assertThat(members).hasSize(2);
        JsonNode anna = members.get(0);
        assertThat(anna.get("faberid").asText()).isEqualTo("001234567");
        assertThat(anna.get("firstname").asText()).isEqualTo("Anna");
        assertThat(anna.get("lastname").asText()).isEqualTo("Muster");
        assertThat(anna.get("birthdate").asText()).isEqualTo("2005-01-01");
        assertThat(anna.get("confirmed").asText()).isEqualTo("2026-03-01");
        assertThat(members.get(1).get("faberid").asText()).isEqualTo("007654321");
        assertThat(members.get(1).get("confirmed").isNull()).isTrue();
    }

    @Test
    void courseDetailStatuses() {
        assertThat(status(raw.api("/coursedetail/999", token))).isEqualTo("COURSE_NOT_FOUND");
        assertThat(status(raw.api("/coursedetail/81", token))).isEqualTo("NO_PERMISSION");
        assertThat(status(raw.api("/coursedetail/abc", token))).isEqualTo("INVALID_PARAMETER");
        assertThat(status(raw.api("/coursedetail/61", token))).isEqualTo("OK");
        assertThat(result(raw.api("/coursedetail/61", token))).isEmpty();
    }

    @Test
    void unknownPathsAre404() {
        assertThat(raw.api("/nothing", token).statusCode()).isEqualTo(404);
        assertThat(raw.get("/elsewhere", token).statusCode()).isEqualTo(404);
    }

    @Test
    void snapshotsMatchWhatTheApiAnswers() {
        school.addMember(62, ANNA.faberId());

        assertThat(school.courses(CourseType.VKU)).singleElement()
                .satisfies(g -> assertThat(g.courses()).extracting(c -> c.id()).containsExactly(61L, 62L));
        assertThat(school.members(62)).extracting(m -> m.faberId()).isEqualTo(List.of("001234567"));
        assertThat(result(raw.api("/coursedetail/62", token)).get(0).get("faberid").asText()).isEqualTo("001234567");
    }
}
