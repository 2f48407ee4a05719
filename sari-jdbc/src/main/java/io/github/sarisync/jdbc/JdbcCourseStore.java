package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Database;
import io.github.sarisync.internal.jdbc.SqlValues;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.FieldLimits;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.LimitedField;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredGroup;
import io.github.sarisync.spi.StoredMember;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Courses, groups and members in the {@code <prefix>courses}, {@code <prefix>course_groups} and
 * {@code <prefix>course_members} tables.
 *
 * <p>{@link #load}, {@link #findParts} and {@link #loadMembers} are one query each. {@link #apply}
 * runs in one transaction with at most five batched statements (groups, parts, status changes, member upserts,
 * member removals), however many rows they carry, and none at all for an empty change set; with a lease,
 * the transaction first checks and locks the lease row ({@code lock.check}). Rows are
 * upserted ({@code ON CONFLICT} on PostgreSQL, {@code MERGE} on H2), so a row that already exists is
 * overwritten with what the change set says instead of failing the whole apply. A database error
 * is thrown as a {@link JdbcStoreException}, which holds no statement and no bound value.
 */
public final class JdbcCourseStore implements CourseStore {
    /**
     * The lengths of the text columns of the shipped schema (the migrations, {@code V1__sari_schema.sql};
     * a test compares them with the installed tables): what {@link #limits()}
     * reports, and what an {@code InMemoryCourseStore} can be given to behave alike. No text may hold
     * the NUL character: PostgreSQL refuses it, and one such name would fail every write of a tenant.
     */
    public static final FieldLimits FIELD_LIMITS = FieldLimits.builder()
            .maxLength(LimitedField.GROUP_NAME, 500)
            .maxLength(LimitedField.COURSE_NAME, 500)
            .maxLength(LimitedField.LOCATION_NAME, 500)
            .maxLength(LimitedField.LOCATION_STREET, 500)
            .maxLength(LimitedField.LOCATION_ZIP, 20)
            .maxLength(LimitedField.LOCATION_CITY, 200)
            .maxLength(LimitedField.MEMBER_FABER_ID, 32)
            .maxLength(LimitedField.MEMBER_FIRST_NAME, 200)
            .maxLength(LimitedField.MEMBER_LAST_NAME, 200)
            .refuseNul()
            .build();

    private final Database database;

    JdbcCourseStore(Database database) {
        this.database = database;
    }

    @Override
    public CourseSnapshot load(String tenantId, CourseType type, Instant since) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(since, "since");
        return snapshot(tenantId, type, database.withHandle(handle -> handle.createQuery(database.sql("course.load"))
                .bind("tenantId", tenantId).bind("type", type.name()).bind("since", SqlValues.instant(since))
                .map((rs, ctx) -> partRow(rs, tenantId, type)).list()));
    }

    /** One statement for all ids (none for no ids). */
    @Override
    public CourseSnapshot findParts(String tenantId, CourseType type, Collection<Long> partIds) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(type, "type");
        if (partIds.isEmpty()) {
            return CourseSnapshot.empty(tenantId, type);
        }
        String sql = database.sql("course.findParts");
        return snapshot(tenantId, type, database.withHandle(handle -> handle.createQuery(sql)
                .bind("tenantId", tenantId).bind("type", type.name()).bind("partIds", SqlValues.longArray(partIds))
                .map((rs, ctx) -> partRow(rs, tenantId, type)).list()));
    }

    private static CourseSnapshot snapshot(String tenantId, CourseType type, List<PartRow> rows) {
        Map<Long, StoredCourse> parts = new HashMap<>();
        Map<String, StoredGroup> groups = new HashMap<>();
        for (PartRow row : rows) {
            parts.put(row.part().partId(), row.part());
            if (row.group() != null) {
                groups.putIfAbsent(row.group().groupKey(), row.group());
            }
        }
        return new CourseSnapshot(tenantId, type, parts, groups);
    }

    private static PartRow partRow(ResultSet rs, String tenantId, CourseType type) throws SQLException {
        return new PartRow(course(rs, tenantId, type), joinedGroup(rs, tenantId, type));
    }

    @Override
    public Map<Long, Map<String, StoredMember>> loadMembers(String tenantId, Collection<Long> partIds) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (partIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, StoredMember>> result = new HashMap<>();
        database.withHandle(handle -> handle.createQuery(database.sql("course.loadMembers"))
                .bind("tenantId", tenantId).bind("partIds", SqlValues.longArray(partIds))
                .map((rs, ctx) -> member(rs)).list())
                .forEach(m -> result.computeIfAbsent(m.partId(), id -> new HashMap<>()).put(m.canonicalFaberId(), m));
        return result;
    }

    @Override
    public void apply(ChangeSet changes, Lease lease) {
        Objects.requireNonNull(changes, "changes");
        if (changes.isEmpty()) {
            return;
        }
        requireSameTenant(changes);
        String write = "courseStore.apply of tenant " + changes.tenantId() + " " + changes.type();
        database.inFencedTransaction(lease, write, handle -> {
            batch(handle, "course.upsertGroup", concat(changes.newGroups(), changes.changedGroups()),
                    JdbcCourseStore::bindGroup);
            batch(handle, "course.upsertCourse", concat(changes.inserts(), changes.updates()),
                    JdbcCourseStore::bindCourse);
            batch(handle, "course.changeStatus", changes.statusChanges(), (b, c) -> b
                    .bind("tenantId", c.tenantId()).bind("partId", c.partId()).bind("status", c.status().name())
                    .bind("statusChangedAt", SqlValues.instant(c.statusChangedAt())));
            batch(handle, "course.upsertMember", changes.memberUpserts(), JdbcCourseStore::bindMember);
            batch(handle, "course.removeMember", changes.memberRemovals(), (b, m) -> b
                    .bind("tenantId", m.tenantId()).bind("partId", m.partId())
                    .bind("canonicalFaberId", m.canonicalFaberId())
                    .bind("removedAt", SqlValues.instant(m.removedAt())));
            return null;
        });
    }

    /** The schema's column lengths, {@link #FIELD_LIMITS}. */
    @Override
    public FieldLimits limits() {
        return FIELD_LIMITS;
    }

    @Override
    public List<StoredCourse> findCourses(CourseQuery query) {
        Objects.requireNonNull(query, "query");
        return database.withHandle(handle -> handle.createQuery(database.sql("course.find"))
                .bind("tenantId", query.tenantId())
                .bind("type", query.type() == null ? null : query.type().name())
                .bind("status", query.status() == null ? null : query.status().name())
                .bind("limit", query.limit())
                .map((rs, ctx) -> course(rs, rs.getString("tenant_id"), CourseType.valueOf(rs.getString("course_type"))))
                .list());
    }

    @Override
    public List<StoredMember> findMembers(String tenantId, long partId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return database.withHandle(handle -> handle.createQuery(database.sql("course.findMembers"))
                .bind("tenantId", tenantId).bind("partId", partId)
                .map((rs, ctx) -> member(rs)).list());
    }

    private <T> void batch(Handle handle, String statement, List<T> rows, BiConsumer<PreparedBatch, T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(database.sql(statement));
        for (T row : rows) {
            binder.accept(batch, row);
            batch.add();
        }
        batch.execute();
    }

    private static void bindGroup(PreparedBatch batch, StoredGroup g) {
        batch.bind("tenantId", g.tenantId()).bind("type", g.type().name()).bind("groupKey", g.groupKey())
                .bind("name", g.name()).bind("date", SqlValues.dateTime(g.date()))
                .bind("firstSeenAt", SqlValues.instant(g.firstSeenAt()))
                .bind("lastSeenAt", SqlValues.instant(g.lastSeenAt()));
    }

    private static void bindCourse(PreparedBatch batch, StoredCourse c) {
        CourseLocation location = c.location() == null ? new CourseLocation(null, null, null, null) : c.location();
        batch.bind("tenantId", c.tenantId()).bind("partId", c.partId()).bind("type", c.type().name())
                .bind("groupKey", c.groupKey()).bind("name", c.name())
                .bind("startsAt", SqlValues.instant(c.startsAt()))
                .bind("locationName", location.name()).bind("locationStreet", location.street())
                .bind("locationZip", location.zip()).bind("locationCity", location.city())
                .bind("freePlaces", c.freePlaces()).bind("contentHash", c.contentHash())
                .bind("status", c.status().name())
                .bind("firstSeenAt", SqlValues.instant(c.firstSeenAt()))
                .bind("lastSeenAt", SqlValues.instant(c.lastSeenAt()))
                .bind("statusChangedAt", SqlValues.instant(c.statusChangedAt()));
    }

    private static void bindMember(PreparedBatch batch, StoredMember m) {
        batch.bind("tenantId", m.tenantId()).bind("partId", m.partId())
                .bind("canonicalFaberId", m.canonicalFaberId()).bind("faberId", m.faberId())
                .bind("firstName", m.firstName()).bind("lastName", m.lastName())
                .bind("birthdate", SqlValues.date(m.birthdate())).bind("confirmedOn", SqlValues.date(m.confirmedOn()))
                .bind("firstSeenAt", SqlValues.instant(m.firstSeenAt()))
                .bind("lastSeenAt", SqlValues.instant(m.lastSeenAt()))
                .bind("removedAt", SqlValues.instant(m.removedAt()));
    }

    private static StoredCourse course(ResultSet rs, String tenantId, CourseType type) throws SQLException {
        CourseLocation location = new CourseLocation(rs.getString("location_name"), rs.getString("location_street"),
                rs.getString("location_zip"), rs.getString("location_city"));
        return new StoredCourse(tenantId, type, rs.getLong("part_id"), rs.getString("group_key"), rs.getString("name"),
                SqlValues.instant(rs, "starts_at"), location, rs.getInt("free_places"), rs.getString("content_hash"),
                CourseStatus.valueOf(rs.getString("status")), SqlValues.instant(rs, "first_seen_at"),
                SqlValues.instant(rs, "last_seen_at"), SqlValues.instant(rs, "status_changed_at"));
    }

    /** The group joined to a part row, or null when the part has no (stored) group. */
    private static StoredGroup joinedGroup(ResultSet rs, String tenantId, CourseType type) throws SQLException {
        String groupKey = rs.getString("group_key");
        Instant firstSeen = SqlValues.instant(rs, "group_first_seen_at");
        if (groupKey == null || firstSeen == null) {
            return null;
        }
        return new StoredGroup(tenantId, type, groupKey, rs.getString("group_name"), SqlValues.dateTime(rs, "group_date"),
                firstSeen, SqlValues.instant(rs, "group_last_seen_at"));
    }

    /** One row of {@code course.load}: a part and the group it belongs to. */
    private record PartRow(StoredCourse part, StoredGroup group) {
    }

    private static StoredMember member(ResultSet rs) throws SQLException {
        return new StoredMember(rs.getString("tenant_id"), rs.getLong("part_id"), rs.getString("faber_id"),
                rs.getString("canonical_faber_id"), rs.getString("first_name"), rs.getString("last_name"),
                SqlValues.date(rs, "birthdate"), SqlValues.date(rs, "confirmed_on"),
                SqlValues.instant(rs, "first_seen_at"), SqlValues.instant(rs, "last_seen_at"),
                SqlValues.instant(rs, "removed_at"));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private static void requireSameTenant(ChangeSet changes) {
        String tenantId = changes.tenantId();
        boolean same = changes.newGroups().stream().allMatch(g -> tenantId.equals(g.tenantId()))
                && changes.changedGroups().stream().allMatch(g -> tenantId.equals(g.tenantId()))
                && changes.inserts().stream().allMatch(c -> tenantId.equals(c.tenantId()))
                && changes.updates().stream().allMatch(c -> tenantId.equals(c.tenantId()))
                && changes.statusChanges().stream().allMatch(c -> tenantId.equals(c.tenantId()))
                && changes.memberUpserts().stream().allMatch(m -> tenantId.equals(m.tenantId()))
                && changes.memberRemovals().stream().allMatch(m -> tenantId.equals(m.tenantId()));
        if (!same) {
            throw new IllegalArgumentException("change set of tenant " + tenantId + " holds rows of another tenant");
        }
    }
}
