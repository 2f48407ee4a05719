package io.github.sarisync.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One bookable course made of several dated parts. SARI gives a group no id of its own and
 * drops parts that lie in the past while the course runs.
 */
public record CourseGroup(String name, LocalDateTime date, List<Course> courses) {
    public CourseGroup {
        courses = courses == null ? List.of() : List.copyOf(courses);
    }
}
