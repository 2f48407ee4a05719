package io.github.sarisync.internal.sync;

import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.spi.StoredMember;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one getCourseDetail answer changes in the stored members of a part, keyed by canonical
 * faberid: a member seen for the first time (or again after removal) is added, one whose names,
 * birthdate or confirmation changed is updated, one no longer listed is marked removed (never
 * deleted). A member listed in a record that could not be used ({@code held}) is left as stored.
 * A pure function, tested on plain data.
 *
 * @param added    members to upsert that were not listed before
 * @param changed  listed members whose data changed
 * @param removed   members no longer listed, with {@code removedAt} set
 * @param confirmed members of {@code added} or {@code changed} whose registration is confirmed now and
 *                  was not stored as confirmed (first seen confirmed, or confirmedOn went from null to a date)
 */
public record MemberDiff(List<StoredMember> added, List<StoredMember> changed, List<StoredMember> removed,
                         List<StoredMember> confirmed) {
    public MemberDiff {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        confirmed = List.copyOf(confirmed);
    }

    /**
     * @param listed the members SARI lists now (a faberid listed twice counts once: the first)
     * @param stored the members stored as listed (not removed), keyed by canonical faberid
     */
    public static MemberDiff compute(String tenantId, long partId, List<CourseMember> listed,
                                     Map<String, StoredMember> stored, Instant now) {
        return compute(tenantId, partId, listed, Set.of(), stored, now);
    }

    /**
     * @param listed the members SARI lists now that can be used
     * @param held   canonical faberids of members SARI lists whose records could not be used
     * @param stored the members stored as listed (not removed), keyed by canonical faberid
     */
    public static MemberDiff compute(String tenantId, long partId, List<CourseMember> listed, Set<String> held,
                                     Map<String, StoredMember> stored, Instant now) {
        Map<String, CourseMember> current = new LinkedHashMap<>();
        for (CourseMember member : listed) {
            if (member.faberId() != null) {
                current.putIfAbsent(FaberIds.canonical(member.faberId()), member);
            }
        }
        List<StoredMember> added = new ArrayList<>();
        List<StoredMember> changed = new ArrayList<>();
        List<StoredMember> removed = new ArrayList<>();
        List<StoredMember> confirmed = new ArrayList<>();
        current.forEach((canonical, member) -> {
            StoredMember old = stored.get(canonical);
            StoredMember row;
            if (old == null) {
                row = new StoredMember(tenantId, partId, member.faberId(), canonical, member.firstName(),
                        member.lastName(), member.birthdate(), member.confirmedOn(), now, now, null);
                added.add(row);
            } else if (!sameData(old, member)) {
                row = new StoredMember(tenantId, partId, member.faberId(), canonical, member.firstName(),
                        member.lastName(), member.birthdate(), member.confirmedOn(), old.firstSeenAt(), now, null);
                changed.add(row);
            } else {
                return;
            }
            if (row.confirmedOn() != null && (old == null || old.confirmedOn() == null)) {
                confirmed.add(row);
            }
        });
        stored.forEach((canonical, old) -> {
            if (!current.containsKey(canonical) && !held.contains(canonical)) {
                removed.add(new StoredMember(old.tenantId(), old.partId(), old.faberId(), old.canonicalFaberId(),
                        old.firstName(), old.lastName(), old.birthdate(), old.confirmedOn(), old.firstSeenAt(),
                        old.lastSeenAt(), now));
            }
        });
        return new MemberDiff(added, changed, removed, confirmed);
    }

    private static boolean sameData(StoredMember old, CourseMember now) {
        return Objects.equals(old.firstName(), now.firstName()) && Objects.equals(old.lastName(), now.lastName())
                && Objects.equals(old.birthdate(), now.birthdate())
                && Objects.equals(old.confirmedOn(), now.confirmedOn());
    }
}
