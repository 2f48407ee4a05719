package io.github.sarisync.testkit;

import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.FaberIds;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads a school's state as SARI would answer it, as model records. */
final class Snapshots {
    private Snapshots() {
    }

    /** The released parts that start at or after {@code now}, in their groups; groups left empty are omitted. */
    static List<CourseGroup> courses(SchoolState school, CourseType type, LocalDateTime now) {
        long nowSeconds = PartState.seconds(now);
        List<CourseGroup> result = new ArrayList<>();
        synchronized (school) {
            for (GroupState group : school.groups) {
                if (group.type != type) {
                    continue;
                }
                List<Course> courses = new ArrayList<>(group.parts.size());
                for (PartState part : group.parts) {
                    if (part.released && part.start >= nowSeconds) {
                        courses.add(course(part));
                    }
                }
                if (!courses.isEmpty()) {
                    result.add(new CourseGroup(group.name, group.dateTime(), courses));
                }
            }
        }
        return List.copyOf(result);
    }

    static Course course(PartState part) {
        return new Course(part.id, part.name, part.startTime().atZone(SimulatorClock.ZURICH), part.location,
                part.freePlaces);
    }

    /** The members of a part with faberids padded to nine digits, as getCourseDetail answers. */
    static List<CourseMember> members(PartState part) {
        synchronized (part.school) {
            List<CourseMember> result = new ArrayList<>(part.memberCount());
            for (int i = 0; i < part.memberCount(); i++) {
                Customer student = part.member(i);
                result.add(new CourseMember(padded(student.faberId()), student.firstName(), student.lastName(),
                        student.birthdate(), part.confirmedOn(i)));
            }
            return List.copyOf(result);
        }
    }

    static String padded(String faberId) {
        String canonical = FaberIds.canonical(faberId);
        return canonical.length() >= 9 ? canonical : "0".repeat(9 - canonical.length()) + canonical;
    }
}
