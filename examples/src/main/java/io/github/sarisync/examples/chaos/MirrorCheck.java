package io.github.sarisync.examples.chaos;

import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SimulatedSchool;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares what a sync wrote with what the simulator holds now, school by school (tenant id =
 * school id), by the engine's rules:
 * <ul>
 *   <li>every part SARI lists is stored ACTIVE, with its type, name, start and free places, its
 *       group's parts under one group key, one key per group, and a group row of that name;</li>
 *   <li>a stored part SARI no longer lists is COMPLETED when it started at or before the time of the
 *       last sync, CANCELLED when it lies after it;</li>
 *   <li>the members of every listed part (not removed) are exactly SARI's, each with SARI's
 *       confirmation date.</li>
 * </ul>
 * And it counts duplicate rows: course, member and group rows sharing their natural key. Call it
 * after a sync of every tenant with member policy ALL and nothing changed since.
 */
public final class MirrorCheck {
    private final SariJdbc jdbc;

    public MirrorCheck(SariJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** What the check found. */
    public record Result(int parts, int members, Findings mismatches, Findings duplicates) {
    }

    /**
     * @param syncedAt the engine time of the sync just before (decides COMPLETED against CANCELLED)
     */
    public Result check(SariSimulator simulator, Instant syncedAt) {
        Findings mismatches = new Findings();
        Map<String, Map<Long, Map<String, LocalDate>>> members = storedMembers();
        Map<String, Map<String, String>> groups = storedGroupNames();
        int parts = 0;
        int memberCount = 0;
        for (SimulatedSchool school : simulator.schools()) {
            String tenant = school.id();
            Map<Long, StoredCourse> stored = new HashMap<>();
            for (StoredCourse course : jdbc.courseStore().findCourses(CourseQuery.tenant(tenant).withLimit(100_000))) {
                stored.putIfAbsent(course.partId(), course);
            }
            Set<Long> listed = new HashSet<>();
            for (CourseType type : CourseType.values()) {
                Map<String, String> keyOwners = new HashMap<>();
                for (CourseGroup group : school.courses(type)) {
                    Set<String> keys = new HashSet<>();
                    for (Course part : group.courses()) {
                        listed.add(part.id());
                        parts++;
                        StoredCourse row = stored.get(part.id());
                        if (row == null) {
                            mismatches.add(tenant + " " + type + " part " + part.id() + ": listed by SARI, not stored");
                            continue;
                        }
                        compareListed(tenant, type, part, row, mismatches);
                        keys.add(String.valueOf(row.groupKey()));
                        memberCount += compareMembers(tenant, school, part.id(),
                                members.getOrDefault(tenant, Map.of()).getOrDefault(part.id(), Map.of()), mismatches);
                    }
                    compareGroup(tenant, type, group, keys, keyOwners, groups.getOrDefault(tenant, Map.of()),
                            mismatches);
                }
            }
            for (StoredCourse row : stored.values()) {
                if (!listed.contains(row.partId())) {
                    CourseStatus expected = row.startsAt().isAfter(syncedAt) ? CourseStatus.CANCELLED
                            : CourseStatus.COMPLETED;
                    if (row.status() != expected) {
                        mismatches.add(tenant + " " + row.type() + " part " + row.partId() + ": no longer listed, "
                                + "starts " + row.startsAt() + ", stored " + row.status() + ", expected " + expected);
                    }
                }
            }
        }
        return new Result(parts, memberCount, mismatches, duplicates());
    }

    private static void compareListed(String tenant, CourseType type, Course part, StoredCourse row,
                                      Findings mismatches) {
        String where = tenant + " " + type + " part " + part.id() + ": ";
        if (row.status() != CourseStatus.ACTIVE) {
            mismatches.add(where + "listed by SARI, stored " + row.status());
        }
        if (row.type() != type) {
            mismatches.add(where + "stored as " + row.type());
        }
        if (row.freePlaces() != part.freePlaces()) {
            mismatches.add(where + "stored with " + row.freePlaces() + " free places, SARI has " + part.freePlaces());
        }
        if (!row.startsAt().equals(part.startsAt().toInstant())) {
            mismatches.add(where + "stored starting " + row.startsAt() + ", SARI says " + part.startsAt());
        }
        if (!Objects.equals(row.name(), part.name())) {
            mismatches.add(where + "stored name differs from SARI's");
        }
    }

    private static void compareGroup(String tenant, CourseType type, CourseGroup group, Set<String> keys,
                                     Map<String, String> keyOwners, Map<String, String> storedNames,
                                     Findings mismatches) {
        String where = tenant + " " + type + " group '" + group.name() + "': ";
        if (keys.size() > 1) {
            mismatches.add(where + "its parts are stored under " + keys.size() + " group keys " + keys);
        }
        for (String key : keys) {
            String owner = keyOwners.putIfAbsent(key, group.name());
            if (owner != null && !owner.equals(group.name())) {
                mismatches.add(where + "shares group key " + key + " with group '" + owner + "'");
            }
            String storedName = storedNames.get(type + "/" + key);
            if (!group.name().equals(storedName)) {
                mismatches.add(where + "group row " + key + (storedName == null ? " missing" : " has another name"));
            }
        }
    }

    private static int compareMembers(String tenant, SimulatedSchool school, long partId,
                                      Map<String, LocalDate> stored, Findings mismatches) {
        Map<String, LocalDate> expected = new LinkedHashMap<>();
        for (CourseMember member : school.members(partId)) {
            expected.put(FaberIds.canonical(member.faberId()), member.confirmedOn());
        }
        String where = tenant + " part " + partId + " member ";
        expected.forEach((faberId, confirmedOn) -> {
            if (!stored.containsKey(faberId)) {
                mismatches.add(where + FaberIds.mask(faberId) + ": listed by SARI, not stored");
            } else if (!Objects.equals(stored.get(faberId), confirmedOn)) {
                mismatches.add(where + FaberIds.mask(faberId) + ": stored confirmed on " + stored.get(faberId)
                        + ", SARI says " + confirmedOn);
            }
        });
        stored.keySet().stream().filter(faberId -> !expected.containsKey(faberId)).forEach(faberId ->
                mismatches.add(where + FaberIds.mask(faberId) + ": stored as listed, SARI no longer lists it"));
        return expected.size();
    }

    private record MemberRow(String tenantId, long partId, String faberId, LocalDate confirmedOn) {
    }

    private record GroupRow(String tenantId, String type, String key, String name) {
    }

    /** Members not removed: tenant, then part id, then canonical faberid to confirmation date. */
    private Map<String, Map<Long, Map<String, LocalDate>>> storedMembers() {
        List<MemberRow> rows = jdbc.jdbi().withHandle(handle -> handle.createQuery("SELECT tenant_id, part_id, "
                        + "canonical_faber_id, confirmed_on FROM " + table("course_members") + " WHERE removed_at IS NULL")
                .map((rs, ctx) -> new MemberRow(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .list());
        Map<String, Map<Long, Map<String, LocalDate>>> result = new HashMap<>();
        for (MemberRow row : rows) {
            result.computeIfAbsent(row.tenantId(), t -> new HashMap<>())
                    .computeIfAbsent(row.partId(), p -> new HashMap<>()).put(row.faberId(), row.confirmedOn());
        }
        return result;
    }

    /** Group names: tenant, then {@code TYPE/key} to name. */
    private Map<String, Map<String, String>> storedGroupNames() {
        List<GroupRow> rows = jdbc.jdbi().withHandle(handle -> handle.createQuery("SELECT tenant_id, course_type, "
                        + "group_key, name FROM " + table("course_groups"))
                .map((rs, ctx) -> new GroupRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
        Map<String, Map<String, String>> result = new HashMap<>();
        for (GroupRow row : rows) {
            result.computeIfAbsent(row.tenantId(), t -> new HashMap<>()).put(row.type() + "/" + row.key(), row.name());
        }
        return result;
    }

    /** Surplus rows sharing a natural key in the course tables. */
    public Findings duplicates() {
        Findings duplicates = new Findings();
        for (List<String> keyed : List.of(List.of("courses", "tenant_id, part_id"),
                List.of("course_members", "tenant_id, part_id, canonical_faber_id"),
                List.of("course_groups", "tenant_id, course_type, group_key"))) {
            String sql = "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM " + table(keyed.get(0))
                    + " GROUP BY " + keyed.get(1) + " HAVING COUNT(*) > 1) d";
            long surplus = jdbc.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
            duplicates.add((int) surplus, surplus + " duplicate rows in " + table(keyed.get(0)) + " by ("
                    + keyed.get(1) + ")");
        }
        return duplicates;
    }

    private String table(String name) {
        return jdbc.tablePrefix() + name;
    }
}
