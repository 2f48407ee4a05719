package io.github.sarisync.enrollment;

import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.StoredCourse;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The course parts an enrolment operation is about: a whole course group as the sync stored it
 * (its ACTIVE parts that still lie in the future), chosen parts of such a group, or parts the
 * caller already holds (e.g. from {@code client.courses(type)}).
 *
 * <pre>{@code
 * CourseSelection.group("g-7f3a")                       // every active future part of a stored group
 * CourseSelection.groupParts("g-7f3a", List.of(61L))    // chosen parts of it
 * CourseSelection.of(CourseType.VKU, courseGroup)       // the parts of a group read from SARI
 * }</pre>
 */
public final class CourseSelection {
    private static final Comparator<Part> BY_START = Comparator.comparing(Part::startsAt).thenComparing(Part::id);

    private final String groupKey;
    private final Set<Long> chosenIds;
    private final List<Part> givenParts;

    private CourseSelection(String groupKey, Set<Long> chosenIds, List<Part> givenParts) {
        this.groupKey = groupKey;
        this.chosenIds = chosenIds;
        this.givenParts = givenParts;
    }

    /** Every ACTIVE part of a stored group that starts after now (needs a course store). */
    public static CourseSelection group(String groupKey) {
        return new CourseSelection(requireKey(groupKey), Set.of(), List.of());
    }

    /** Chosen ACTIVE parts of a stored group (needs a course store). */
    public static CourseSelection groupParts(String groupKey, Collection<Long> partIds) {
        if (partIds == null || partIds.isEmpty()) {
            throw new IllegalArgumentException("partIds must name at least one part of group " + groupKey);
        }
        return new CourseSelection(requireKey(groupKey), Set.copyOf(new TreeSet<>(partIds)), List.of());
    }

    /** Every part of a group as read from SARI. */
    public static CourseSelection of(CourseType type, CourseGroup group) {
        Objects.requireNonNull(group, "group must not be null");
        return parts(type, group.courses());
    }

    /** The given parts of one course type. */
    public static CourseSelection parts(CourseType type, List<Course> parts) {
        Objects.requireNonNull(type, "type must not be null");
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("parts must name at least one course part");
        }
        List<Part> list = parts.stream().map(c -> new Part(c.id(), type, c.startsAt().toInstant())).distinct()
                .sorted(BY_START).toList();
        if (list.stream().map(Part::id).distinct().count() != list.size()) {
            throw new IllegalArgumentException("parts name the same course part twice with different starts");
        }
        return new CourseSelection(null, Set.of(), list);
    }

    /**
     * The parts this selection stands for, ordered by start then id.
     *
     * @throws IllegalArgumentException when a stored group has no such parts
     * @throws IllegalStateException    when a stored group is named but no course store is configured
     */
    List<Part> resolve(String tenantId, CourseStore store, Instant now) {
        if (groupKey == null) {
            return givenParts;
        }
        if (store == null) {
            throw new IllegalStateException("selecting course group " + groupKey
                    + " needs a courseStore in the EnrollmentService builder");
        }
        List<StoredCourse> active = store.findCourses(CourseQuery.tenant(tenantId).withStatus(CourseStatus.ACTIVE))
                .stream().filter(c -> groupKey.equals(c.groupKey())).toList();
        List<Part> parts;
        if (chosenIds.isEmpty()) {
            parts = active.stream().filter(c -> c.startsAt().isAfter(now)).map(CourseSelection::part).toList();
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("tenant " + tenantId + ": course group " + groupKey
                        + " has no active part in the future");
            }
        } else {
            parts = active.stream().filter(c -> chosenIds.contains(c.partId())).map(CourseSelection::part).toList();
            Set<Long> missing = new TreeSet<>(chosenIds);
            parts.forEach(p -> missing.remove(p.id()));
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("tenant " + tenantId + ": parts " + missing
                        + " are not active parts of course group " + groupKey);
            }
        }
        if (parts.stream().map(Part::type).distinct().count() > 1) {
            throw new IllegalArgumentException("course group " + groupKey + " mixes course types");
        }
        return parts.stream().sorted(BY_START).toList();
    }

    @Override
    public String toString() {
        if (groupKey == null) {
            return "CourseSelection[parts=" + givenParts.stream().map(Part::id).toList() + "]";
        }
        return "CourseSelection[group=" + groupKey + (chosenIds.isEmpty() ? "" : ", parts=" + chosenIds) + "]";
    }

    private static Part part(StoredCourse c) {
        return new Part(c.partId(), c.type(), c.startsAt());
    }

    private static String requireKey(String groupKey) {
        if (groupKey == null || groupKey.isBlank()) {
            throw new IllegalArgumentException("groupKey must not be blank");
        }
        return groupKey;
    }

    /** One resolved part: what the licence check and the calls need. */
    record Part(long id, CourseType type, Instant startsAt) {
    }
}
