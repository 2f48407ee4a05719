package io.github.sarisync.testkit;

import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.License;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A small, known world: one school "muster" with two VKU parts and one PGS part, and a few students. */
final class SimFixtures {
    static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 8, 0);
    static final CourseLocation LOCATION = new CourseLocation("Fahrschule Muster", "Bahnhofstrasse 1", "3000", "Bern");
    static final LocalDateTime PART_1 = LocalDateTime.of(2026, 3, 10, 18, 0);
    static final LocalDateTime PART_2 = LocalDateTime.of(2026, 3, 12, 18, 0);
    static final LocalDateTime PGS_DAY = LocalDateTime.of(2026, 4, 4, 8, 0);

    /** Holds a B licence valid for years: may join VKU, not PGS. */
    static final Customer ANNA = new Customer("1234567", LocalDate.of(2005, 1, 1), "Anna", "Muster", "Weg 1",
            "3000", "Bern", List.of(new License("B", LocalDate.of(2030, 1, 1))));
    /** Holds an A1 licence valid for years: may join VKU and PGS. */
    static final Customer LUCA = new Customer("7654321", LocalDate.of(2006, 6, 6), "Luca", "Beispiel", "Gasse 2",
            "8001", "Zürich", List.of(new License("A1", LocalDate.of(2029, 1, 1))));
    /** Her only licence expired before the parts start. */
    static final Customer EXPIRED = new Customer("5550001", LocalDate.of(2004, 2, 2), "Mia", "Abgelaufen", "Pfad 3",
            "4001", "Basel", List.of(new License("B", LocalDate.of(2026, 3, 5))));

    private SimFixtures() {
    }

    static SariSimulator.Builder builder() {
        return SariSimulator.builder().clock(SimulatorClock.fixed(NOW));
    }

    /** Adds the students, the school "muster" (VKU parts 61 and 62, PGS part 71) and an empty school "other" (part 81). */
    static SimulatedSchool populate(SariSimulator sari) {
        sari.addStudent(ANNA);
        sari.addStudent(LUCA);
        sari.addStudent(EXPIRED);
        SimulatedSchool school = sari.addSchool("muster");
        school.addGroup(CourseType.VKU, "VKU März", List.of(
                PartSpec.of(61, "VKU Teil 1", PART_1, LOCATION, 12),
                PartSpec.of(62, "VKU Teil 2", PART_2, LOCATION, 1)));
        school.addGroup(CourseType.PGS, "PGS April", List.of(PartSpec.of(71, "PGS Tag 1", PGS_DAY, LOCATION, 8)));
        SimulatedSchool other = sari.addSchool("other");
        other.addGroup(CourseType.VKU, "VKU Andere", List.of(PartSpec.of(81, "VKU Teil 1", PART_1, LOCATION, 5)));
        return school;
    }
}
