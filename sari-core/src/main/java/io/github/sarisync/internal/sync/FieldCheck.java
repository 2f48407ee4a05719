package io.github.sarisync.internal.sync;

import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseFeed;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.model.RejectedRecord;
import io.github.sarisync.spi.FieldLimits;
import io.github.sarisync.spi.LimitedField;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks SARI's texts against the store's {@link FieldLimits} before anything is compared or
 * written: a record with a text too long for its column is rejected with a reason that names the
 * field and the limit (never the value), and the rest of the answer is used. Without this, one
 * over-long name fails the whole write of a tenant, on every run, and the database's error may
 * quote the value. A rejected part or member counts as still listed: its stored state is kept.
 */
final class FieldCheck {
    private FieldCheck() {
    }

    /** The feed without parts whose texts are too long; a group with a too-long name loses all its parts. */
    static CourseFeed feed(CourseFeed feed, FieldLimits limits) {
        if (limits.isUnlimited()) {
            return feed;
        }
        List<CourseGroup> groups = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>(feed.rejected());
        Set<Long> unreadable = new HashSet<>(feed.unreadablePartIds());
        for (CourseGroup group : feed.groups()) {
            String groupProblem = limits.violation(LimitedField.GROUP_NAME, group.name());
            if (groupProblem != null) {
                // the name is the problem, so the record must not carry it
                rejected.add(new RejectedRecord(null, null, groupProblem));
                group.courses().forEach(part -> unreadable.add(part.id()));
                continue;
            }
            List<Course> kept = new ArrayList<>();
            for (Course part : group.courses()) {
                String problem = problem(part, limits);
                if (problem == null) {
                    kept.add(part);
                } else {
                    rejected.add(new RejectedRecord(group.name(), part.id(), "part " + part.id() + ": " + problem));
                    unreadable.add(part.id());
                }
            }
            if (kept.size() == group.courses().size()) {
                groups.add(group);
            } else if (!kept.isEmpty()) {
                groups.add(new CourseGroup(group.name(), group.date(), kept));
            }
        }
        return new CourseFeed(feed.type(), groups, rejected, unreadable);
    }

    private static String problem(Course part, FieldLimits limits) {
        String problem = limits.violation(LimitedField.COURSE_NAME, part.name());
        CourseLocation at = part.location();
        if (problem == null && at != null) {
            problem = first(limits.violation(LimitedField.LOCATION_NAME, at.name()),
                    limits.violation(LimitedField.LOCATION_STREET, at.street()),
                    limits.violation(LimitedField.LOCATION_ZIP, at.zip()),
                    limits.violation(LimitedField.LOCATION_CITY, at.city()));
        }
        return problem;
    }

    /**
     * The members of one part whose texts fit, the others rejected.
     *
     * @param kept     the members to compare with the stored ones
     * @param rejected one record per member left out, naming the part but not the member
     * @param held     canonical faberids of the members left out: still listed, so never marked removed
     */
    record Members(List<CourseMember> kept, List<RejectedRecord> rejected, Set<String> held) {
    }

    static Members members(long partId, List<CourseMember> members, FieldLimits limits) {
        if (limits.isUnlimited()) {
            return new Members(members, List.of(), Set.of());
        }
        List<CourseMember> kept = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        Set<String> held = new HashSet<>();
        for (CourseMember member : members) {
            String problem = first(limits.violation(LimitedField.MEMBER_FABER_ID, member.faberId()),
                    limits.violation(LimitedField.MEMBER_FIRST_NAME, member.firstName()),
                    limits.violation(LimitedField.MEMBER_LAST_NAME, member.lastName()));
            if (problem == null) {
                kept.add(member);
            } else {
                rejected.add(new RejectedRecord(null, partId, problem));
                if (member.faberId() != null) {
                    held.add(FaberIds.canonical(member.faberId()));
                }
            }
        }
        return new Members(kept, rejected, held);
    }

    private static String first(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }
}
