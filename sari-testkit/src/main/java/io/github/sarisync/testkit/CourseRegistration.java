package io.github.sarisync.testkit;

import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.model.License;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARI's six operations and their business rules, for one authenticated school. Answers are
 * {@link Envelope}s holding plain maps and lists, shaped as SARI's JSON.
 *
 * <p>Enrolment checks, in this order: parameters (INVALID_PARAMETER), the part (COURSE_NOT_FOUND,
 * NO_PERMISSION for another school's part), the student (PERSON_NOT_FOUND,
 * MISMATCH_BIRTHDATE_FABERID), PERSON_ALREADY_ADDED, a released part of an enabled type
 * (COURSE_NOT_ALLOWED_OR_ENABLED), the deadline or else the start (COURSE_PERSON_DEADLINE_VIOLATED),
 * a licence of a fitting category valid on the part's day (LICENSE_EXPIRED), and a free place
 * (none left: COURSE_NOT_ALLOWED_OR_ENABLED, as SARI closes registration by setting free places to 0).
 */
final class CourseRegistration {
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Set<String> VKU_CATEGORIES = Set.of("A1", "A35KW", "A", "B");
    private static final Set<String> PGS_CATEGORIES = Set.of("A1", "A35KW", "A");

    private final SimulatorState state;
    private final SimulatorClock clock;

    CourseRegistration(SimulatorState state, SimulatorClock clock) {
        this.state = state;
        this.clock = clock;
    }

    Envelope version(String text) {
        return Envelope.ok(text);
    }

    Envelope customer(String faberId, String birthdate) {
        LocalDate birth = date(birthdate);
        if (!validFaberId(faberId) || birth == null) {
            return Envelope.error("INVALID_PARAMETER");
        }
        Customer student = state.student(faberId);
        if (student == null) {
            return Envelope.error("PERSON_NOT_FOUND");
        }
        if (!student.birthdate().equals(birth)) {
            return Envelope.error("MISMATCH_BIRTHDATE_FABERID");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("faberid", FaberIds.canonical(student.faberId()));
        json.put("birthdate", student.birthdate().toString());
        json.put("firstname", student.firstName());
        json.put("lastname", student.lastName());
        json.put("address", student.street());
        json.put("zip", student.zip());
        json.put("city", student.city());
        List<Map<String, Object>> licenses = new ArrayList<>();
        for (License license : student.licenses()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("category", license.category());
            l.put("expirationdate", license.expiresOn() == null ? null : license.expiresOn().toString());
            licenses.add(l);
        }
        json.put("licenses", licenses);
        return Envelope.ok(json);
    }

    Envelope courses(SchoolState school, String typeName, CoursesForm form) {
        CourseType type = courseType(typeName);
        if (type == null) {
            return Envelope.error("SECTION_NOT_FOUND");
        }
        synchronized (school) {
            if (!school.enabledTypes.contains(type)) {
                return Envelope.error("SECTION_NOT_FOUND");
            }
        }
        List<CourseGroup> groups = Snapshots.courses(school, type, clock.localNow());
        if (groups.isEmpty()) {
            return Envelope.ok(null);
        }
        List<Map<String, Object>> json = new ArrayList<>(groups.size());
        groups.forEach(g -> json.add(groupJson(g)));
        return Envelope.ok(form == CoursesForm.SINGLE_OBJECT && json.size() == 1 ? json.get(0) : json);
    }

    Envelope courseDetail(SchoolState school, String id) {
        long partId = partId(id);
        if (partId <= 0) {
            return Envelope.error("INVALID_PARAMETER");
        }
        PartState part = state.part(partId);
        if (part == null) {
            return Envelope.error("COURSE_NOT_FOUND");
        }
        if (part.school != school) {
            return Envelope.error("NO_PERMISSION");
        }
        List<Map<String, Object>> json = new ArrayList<>();
        for (CourseMember member : Snapshots.members(part)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("faberid", member.faberId());
            m.put("firstname", member.firstName());
            m.put("lastname", member.lastName());
            m.put("birthdate", member.birthdate().toString());
            m.put("confirmed", member.confirmedOn() == null ? null : member.confirmedOn().toString());
            json.add(m);
        }
        return Envelope.ok(json);
    }

    Envelope enroll(SchoolState school, Map<String, String> form) {
        long partId = partId(form.get("courseid"));
        String faberId = form.get("faberid");
        LocalDate birth = date(form.get("birthdate"));
        if (partId <= 0 || !validFaberId(faberId) || birth == null) {
            return Envelope.error("INVALID_PARAMETER");
        }
        PartState part = state.part(partId);
        if (part == null) {
            return Envelope.error("COURSE_NOT_FOUND");
        }
        if (part.school != school) {
            return Envelope.error("NO_PERMISSION");
        }
        Customer student = state.student(faberId);
        if (student == null) {
            return Envelope.error("PERSON_NOT_FOUND");
        }
        if (!student.birthdate().equals(birth)) {
            return Envelope.error("MISMATCH_BIRTHDATE_FABERID");
        }
        long now = PartState.seconds(clock.localNow());
        synchronized (school) {
            if (state.part(partId) != part) {
                return Envelope.error("COURSE_NOT_FOUND");
            }
            if (part.indexOf(faberId) >= 0) {
                return Envelope.error("PERSON_ALREADY_ADDED");
            }
            if (!part.released || !school.enabledTypes.contains(part.group.type)) {
                return Envelope.error("COURSE_NOT_ALLOWED_OR_ENABLED");
            }
            if (now > part.effectiveDeadline()) {
                return Envelope.error("COURSE_PERSON_DEADLINE_VIOLATED");
            }
            if (!hasValidLicence(student, part)) {
                return Envelope.error("LICENSE_EXPIRED");
            }
            if (part.freePlaces <= 0) {
                return Envelope.error("COURSE_NOT_ALLOWED_OR_ENABLED");
            }
            part.addMember(student, null);
            part.freePlaces--;
        }
        return Envelope.ok(List.of());
    }

    Envelope unenroll(SchoolState school, Map<String, String> form) {
        long partId = partId(form.get("courseid"));
        String faberId = form.get("faberid");
        if (partId <= 0 || !validFaberId(faberId)) {
            return Envelope.error("INVALID_PARAMETER");
        }
        PartState part = state.part(partId);
        if (part == null) {
            return Envelope.error("COURSE_NOT_FOUND");
        }
        if (part.school != school) {
            return Envelope.error("NO_PERMISSION");
        }
        synchronized (school) {
            int index = part.indexOf(faberId);
            if (index < 0) {
                return Envelope.error("COURSEMEMBER_NOT_FOUND");
            }
            if (part.confirmedOn(index) != null) {
                return Envelope.error("COURSEMEMBER_ALREADY_CONFIRMED");
            }
            part.removeMember(index);
            part.freePlaces++;
        }
        return Envelope.ok(List.of());
    }

    private static boolean hasValidLicence(Customer student, PartState part) {
        Set<String> fitting = part.group.type == CourseType.VKU ? VKU_CATEGORIES : PGS_CATEGORIES;
        LocalDate day = part.startTime().toLocalDate();
        for (License license : student.licenses()) {
            if (license.category() != null && fitting.contains(license.category())
                    && (license.expiresOn() == null || !license.expiresOn().isBefore(day))) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Object> groupJson(CourseGroup group) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("name", group.name());
        g.put("date", group.date().format(MINUTES));
        List<Map<String, Object>> parts = new ArrayList<>(group.courses().size());
        for (Course course : group.courses()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", course.id());
            p.put("name", course.name());
            p.put("date", course.startsAt().toLocalDateTime().format(MINUTES));
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("name", course.location().name());
            address.put("address", course.location().street());
            address.put("zip", zipNumber(course.location().zip()));
            address.put("city", course.location().city());
            p.put("address", address);
            p.put("freeplaces", course.freePlaces());
            parts.add(p);
        }
        g.put("courses", parts);
        return g;
    }

    /** SARI sends the zip of a course address as a number; a zip that is not one stays a string. */
    private static Object zipNumber(String zip) {
        if (zip != null && !zip.isEmpty() && zip.length() < 10 && zip.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(zip);
        }
        return zip;
    }

    static CourseType courseType(String name) {
        for (CourseType type : CourseType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    private static long partId(String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(value);
    }

    private static boolean validFaberId(String faberId) {
        try {
            FaberIds.requireValid(faberId);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
