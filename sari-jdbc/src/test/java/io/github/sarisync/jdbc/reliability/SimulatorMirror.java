package io.github.sarisync.jdbc.reliability;

import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredGroup;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.testkit.SimulatedSchool;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares what a {@link io.github.sarisync.testkit.SariSimulator} lists now with what a sync stored,
 * and lists every difference in words (faberids masked, no names or birthdates), so a test can
 * assert {@code mismatches(...)} is empty and read what went wrong when it is not.
 *
 * <p>"In sync" means, per school (tenant id = school id) and course type, for both types enabled:
 * every part SARI lists is stored ACTIVE with its name, start, location and free places, in a
 * stored group of the SARI group's name and date, one group key per SARI group; its listed members
 * are exactly the stored members not marked removed, with names, birthdate and confirmation date;
 * every stored part SARI does not list is COMPLETED when it had started at its status change and
 * CANCELLED when it had not. {@link #duplicates()} checks the tables for rows that no sync may leave
 * behind, by SQL.
 *
 * <pre>{@code
 * SimulatorMirror mirror = SimulatorMirror.of(jdbc);
 * assertThat(mirror.mismatches(schools)).isEmpty();
 * assertThat(mirror.duplicates()).isEmpty();
 * }</pre>
 */
public final class SimulatorMirror {
    private static final int ALL = 1_000_000;

    private final CourseStore store;
    private final Jdbi jdbi;
    private final String prefix;

    public SimulatorMirror(CourseStore store, Jdbi jdbi, String tablePrefix) {
        this.store = Objects.requireNonNull(store, "store");
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.prefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
    }

    /** A mirror on the stores and tables of {@code jdbc}. */
    public static SimulatorMirror of(SariJdbc jdbc) {
        return new SimulatorMirror(jdbc.courseStore(), jdbc.jdbi(), jdbc.tablePrefix());
    }

    /** The differences of every school, both course types, each school stored under its own id. */
    public List<String> mismatches(Collection<SimulatedSchool> schools) {
        List<String> result = new ArrayList<>();
        for (SimulatedSchool school : schools) {
            for (CourseType type : CourseType.values()) {
                result.addAll(mismatches(school, school.id(), type));
            }
        }
        return result;
    }

    /** The differences of one school's course type, stored under {@code tenantId}. */
    public List<String> mismatches(SimulatedSchool school, String tenantId, CourseType type) {
        String where = "tenant " + tenantId + " " + type;
        List<String> result = new ArrayList<>();
        Map<Long, StoredCourse> stored = store.findCourses(CourseQuery.tenant(tenantId).withType(type).withLimit(ALL))
                .stream().collect(Collectors.toMap(StoredCourse::partId, Function.identity()));
        CourseSnapshot snapshot = store.load(tenantId, type, Instant.EPOCH);
        Map<String, String> sariGroupOfKey = new HashMap<>();
        for (CourseGroup group : school.courses(type)) {
            String groupKey = null;
            for (Course part : group.courses()) {
                String at = where + " part " + part.id() + " of group '" + group.name() + "'";
                StoredCourse row = stored.remove(part.id());
                if (row == null) {
                    result.add(at + ": listed by SARI, not stored");
                    continue;
                }
                compareCourse(at, part, row, result);
                compareGroup(at, group, row, snapshot.groups().get(row.groupKey()), result);
                if (groupKey == null) {
                    groupKey = row.groupKey();
                } else if (!Objects.equals(groupKey, row.groupKey())) {
                    result.add(at + ": stored in another group than the group's other parts");
                }
                String sariGroup = group.name() + " " + group.date();
                String other = row.groupKey() == null ? null : sariGroupOfKey.putIfAbsent(row.groupKey(), sariGroup);
                if (other != null && !other.equals(sariGroup)) {
                    result.add(at + ": its stored group also holds parts of SARI group '" + other + "'");
                }
                compareMembers(at, school.members(part.id()), store.findMembers(tenantId, part.id()), result);
            }
        }
        for (StoredCourse row : stored.values()) {
            String at = where + " part " + row.partId();
            if (row.status() == CourseStatus.ACTIVE) {
                result.add(at + ": stored ACTIVE, SARI no longer lists it");
            } else {
                boolean startedAtChange = !row.startsAt().isAfter(row.statusChangedAt());
                CourseStatus expected = startedAtChange ? CourseStatus.COMPLETED : CourseStatus.CANCELLED;
                if (row.status() != expected) {
                    result.add(at + ": no longer listed, stored " + row.status() + " but it "
                            + (startedAtChange ? "had" : "had not") + " started at its status change");
                }
            }
        }
        return result;
    }

    /**
     * Rows no sync may leave behind: a part id under two tenants (SARI's part ids are unique), a
     * member row twice for one person in one part, a group no part belongs to (a group stored twice),
     * a part whose group row is missing, a member of a part that is not stored.
     */
    public List<String> duplicates() {
        List<String> result = new ArrayList<>();
        query(result, "part id stored under several tenants: ",
                "SELECT part_id AS k, COUNT(DISTINCT tenant_id) AS n FROM " + prefix + "courses"
                        + " GROUP BY part_id HAVING COUNT(DISTINCT tenant_id) > 1");
        query(result, "part stored twice: ",
                "SELECT tenant_id || ' ' || part_id AS k, COUNT(*) AS n FROM " + prefix + "courses"
                        + " GROUP BY tenant_id, part_id HAVING COUNT(*) > 1");
        query(result, "member stored twice in a part (by canonical faberid): ",
                "SELECT tenant_id || ' ' || part_id AS k, COUNT(*) AS n FROM " + prefix + "course_members"
                        + " GROUP BY tenant_id, part_id, canonical_faber_id HAVING COUNT(*) > 1");
        query(result, "group without parts: ",
                "SELECT g.tenant_id || ' ' || g.course_type || ' ' || g.group_key AS k, 1 AS n FROM " + prefix
                        + "course_groups g WHERE NOT EXISTS (SELECT 1 FROM " + prefix + "courses c WHERE"
                        + " c.tenant_id = g.tenant_id AND c.course_type = g.course_type AND c.group_key = g.group_key)");
        query(result, "part whose group is not stored: ",
                "SELECT c.tenant_id || ' ' || c.part_id AS k, 1 AS n FROM " + prefix + "courses c"
                        + " WHERE c.group_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + prefix + "course_groups g"
                        + " WHERE g.tenant_id = c.tenant_id AND g.course_type = c.course_type"
                        + " AND g.group_key = c.group_key)");
        query(result, "member of a part that is not stored: ",
                "SELECT m.tenant_id || ' ' || m.part_id AS k, COUNT(*) AS n FROM " + prefix + "course_members m"
                        + " WHERE NOT EXISTS (SELECT 1 FROM " + prefix + "courses c WHERE c.tenant_id = m.tenant_id"
                        + " AND c.part_id = m.part_id) GROUP BY m.tenant_id, m.part_id");
        return result;
    }

    private void query(List<String> result, String what, String sql) {
        jdbi.useHandle(h -> h.createQuery(sql)
                .map((rs, ctx) -> what + rs.getString("k") + " (" + rs.getInt("n") + ")")
                .forEach(result::add));
    }

    private static void compareCourse(String at, Course part, StoredCourse row, List<String> result) {
        if (row.status() != CourseStatus.ACTIVE) {
            result.add(at + ": listed by SARI, stored " + row.status());
        }
        differs(at, "name", part.name(), row.name(), result);
        differs(at, "start", part.startsAt().toInstant(), row.startsAt(), result);
        differs(at, "location", part.location(), row.location(), result);
        differs(at, "free places", part.freePlaces(), row.freePlaces(), result);
    }

    private static void compareGroup(String at, CourseGroup group, StoredCourse row, StoredGroup stored,
                                     List<String> result) {
        if (stored == null) {
            result.add(at + ": its group (key " + row.groupKey() + ") is not stored");
            return;
        }
        differs(at, "group name", group.name(), stored.name(), result);
        differs(at, "group date", group.date(), stored.date(), result);
    }

    private static void compareMembers(String at, List<CourseMember> listed, List<StoredMember> rows,
                                       List<String> result) {
        Map<String, StoredMember> stored = new HashMap<>();
        for (StoredMember row : rows) {
            if (row.removedAt() == null) {
                stored.put(row.canonicalFaberId(), row);
            }
        }
        for (CourseMember member : listed) {
            String canonical = FaberIds.canonical(member.faberId());
            String who = at + " member " + FaberIds.mask(member.faberId());
            StoredMember row = stored.remove(canonical);
            if (row == null) {
                result.add(who + ": listed by SARI, not stored as listed");
                continue;
            }
            if (!Objects.equals(member.firstName(), row.firstName())
                    || !Objects.equals(member.lastName(), row.lastName())) {
                result.add(who + ": stored name differs");
            }
            if (!Objects.equals(member.birthdate(), row.birthdate())) {
                result.add(who + ": stored birthdate differs");
            }
            differs(who, "confirmed on", member.confirmedOn(), row.confirmedOn(), result);
        }
        stored.values().forEach(row -> result.add(at + " member " + FaberIds.mask(row.faberId())
                + ": stored as listed, SARI no longer lists it"));
    }

    private static void differs(String at, String what, Object sari, Object stored, List<String> result) {
        if (!Objects.equals(sari, stored)) {
            result.add(at + ": " + what + " is " + stored + " in the store, " + sari + " in SARI");
        }
    }
}
