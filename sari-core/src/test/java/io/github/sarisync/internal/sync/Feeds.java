package io.github.sarisync.internal.sync;

import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredGroup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plain course lists and snapshots for the diff tests; "now" is {@link #NOW}. */
final class Feeds {
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    static final CourseLocation LOCATION = new CourseLocation("Fahrschule Muster", "Bahnhofstrasse 1", "8001",
            "Zürich");

    private Feeds() {
    }

    /** A part starting {@code days} after NOW (negative: in the past) with 10 free places. */
    static Course part(long id, int days) {
        return part(id, days, 10);
    }

    static Course part(long id, int days, int freePlaces) {
        return new Course(id, "VKU Teil " + id, NOW.plus(Duration.ofDays(days)).atZone(ZURICH), LOCATION, freePlaces);
    }

    static CourseGroup group(String name, Course... parts) {
        return new CourseGroup(name, LocalDateTime.of(2026, 3, 10, 0, 0), List.of(parts));
    }

    /** The snapshot the store would hold after applying {@code diff} onto {@code before}. */
    static CourseSnapshot applied(CourseSnapshot before, CourseDiff diff) {
        Map<Long, StoredCourse> parts = new HashMap<>(before.parts());
        Map<String, StoredGroup> groups = new HashMap<>(before.groups());
        CourseDiff.Changes c = diff.groupsAndParts();
        List<StoredCourse> rows = new ArrayList<>(c.inserts());
        rows.addAll(c.updates());
        rows.addAll(c.statusChanges());
        rows.forEach(p -> parts.put(p.partId(), p));
        c.newGroups().forEach(g -> groups.put(g.groupKey(), g));
        c.changedGroups().forEach(g -> groups.put(g.groupKey(), g));
        return new CourseSnapshot(before.tenantId(), before.type(), parts, groups);
    }

    static CourseSnapshot empty() {
        return CourseSnapshot.empty("tenant-a", CourseType.VKU);
    }

    static CourseDiff diff(Instant now, CourseSnapshot snapshot, CourseGroup... groups) {
        return CourseDiff.compute("tenant-a", CourseType.VKU, now, List.of(groups), snapshot, 0.5, 3);
    }
}
