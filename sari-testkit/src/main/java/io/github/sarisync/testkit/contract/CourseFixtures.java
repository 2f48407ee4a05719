package io.github.sarisync.testkit.contract;

import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredGroup;
import io.github.sarisync.spi.StoredMember;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Small builders of stored groups, parts, members and change sets for the contract tests. Every
 * instant has whole seconds, so any store precision keeps them exactly.
 */
public final class CourseFixtures {
    /** "Now" in the fixtures: parts before it lie in the past. */
    public static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private CourseFixtures() {
    }

    public static StoredGroup group(String tenantId, CourseType type, String groupKey) {
        return new StoredGroup(tenantId, type, groupKey, "Gruppe " + groupKey, LocalDateTime.of(2026, 3, 14, 8, 0),
                NOW, NOW);
    }

    /** An ACTIVE part starting {@code startsInDays} days after {@link #NOW} (negative: in the past). */
    public static StoredCourse part(String tenantId, CourseType type, long partId, String groupKey, int startsInDays) {
        return new StoredCourse(tenantId, type, partId, groupKey, type + " Teil " + partId,
                NOW.plus(Duration.ofDays(startsInDays)),
                new CourseLocation("Fahrschule Muster", "Bahnhofstrasse 1", "8001", "Zürich"), 12,
                "hash-" + partId, CourseStatus.ACTIVE, NOW, NOW, NOW);
    }

    /** A member of a part, listed since {@link #NOW}; {@code faberId} may be zero-padded. */
    public static StoredMember member(String tenantId, long partId, String faberId) {
        return new StoredMember(tenantId, partId, faberId, FaberIds.canonical(faberId), "Anna", "Muster",
                LocalDate.of(2004, 5, 17), null, NOW, NOW, null);
    }

    /** A change set builder for one tenant and type at {@link #NOW}. */
    public static Changes changes(String tenantId, CourseType type) {
        return new Changes(tenantId, type);
    }

    /** Collects the lists of a {@link ChangeSet}. */
    public static final class Changes {
        private final String tenantId;
        private final CourseType type;
        private List<StoredGroup> newGroups = List.of();
        private List<StoredGroup> changedGroups = List.of();
        private List<StoredCourse> inserts = List.of();
        private List<StoredCourse> updates = List.of();
        private List<StoredCourse> statusChanges = List.of();
        private List<StoredMember> memberUpserts = List.of();
        private List<StoredMember> memberRemovals = List.of();

        private Changes(String tenantId, CourseType type) {
            this.tenantId = tenantId;
            this.type = type;
        }

        public Changes newGroups(StoredGroup... values) {
            newGroups = List.of(values);
            return this;
        }

        public Changes changedGroups(StoredGroup... values) {
            changedGroups = List.of(values);
            return this;
        }

        public Changes inserts(List<StoredCourse> values) {
            inserts = values;
            return this;
        }

        public Changes inserts(StoredCourse... values) {
            return inserts(List.of(values));
        }

        public Changes updates(StoredCourse... values) {
            updates = List.of(values);
            return this;
        }

        public Changes statusChanges(StoredCourse... values) {
            statusChanges = List.of(values);
            return this;
        }

        public Changes memberUpserts(List<StoredMember> values) {
            memberUpserts = values;
            return this;
        }

        public Changes memberUpserts(StoredMember... values) {
            return memberUpserts(List.of(values));
        }

        public Changes memberRemovals(StoredMember... values) {
            memberRemovals = List.of(values);
            return this;
        }

        public ChangeSet build() {
            return new ChangeSet(tenantId, type, NOW, newGroups, changedGroups, inserts, updates, statusChanges,
                    memberUpserts, memberRemovals);
        }
    }
}
