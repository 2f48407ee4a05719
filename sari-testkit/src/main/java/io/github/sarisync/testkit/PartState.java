package io.github.sarisync.testkit;

import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.FaberIds;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * One part held by the simulator. Kept compact for 10,000 generated schools: times as epoch
 * seconds of the Swiss local time, members as shared {@link Customer} references with their
 * confirmation day in a parallel primitive array. Guarded by the owning {@link SchoolState}'s monitor.
 */
final class PartState {
    private static final Customer[] NO_MEMBERS = new Customer[0];
    private static final int[] NO_DAYS = new int[0];
    static final int UNCONFIRMED = Integer.MIN_VALUE;
    static final long NO_DEADLINE = Long.MIN_VALUE;

    final long id;
    final SchoolState school;
    final GroupState group;
    final String name;
    /** Epoch seconds of the Swiss local start; moved by {@link SimulatedSchool#moveStart}. */
    long start;
    final CourseLocation location;
    int freePlaces;
    boolean released;
    long deadline;
    private Customer[] members = NO_MEMBERS;
    private int[] confirmedDays = NO_DAYS;
    private int memberCount;

    PartState(PartSpec spec, SchoolState school, GroupState group) {
        this.id = spec.id();
        this.school = school;
        this.group = group;
        this.name = spec.name();
        this.start = seconds(spec.start());
        this.location = spec.location();
        this.freePlaces = spec.freePlaces();
        this.released = spec.released();
        this.deadline = spec.deadline() == null ? NO_DEADLINE : seconds(spec.deadline());
    }

    static long seconds(LocalDateTime local) {
        return local.toEpochSecond(ZoneOffset.UTC);
    }

    static LocalDateTime local(long seconds) {
        return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    }

    LocalDateTime startTime() {
        return local(start);
    }

    /** The last moment a student can be registered: the deadline, or the start when there is none. */
    long effectiveDeadline() {
        return deadline == NO_DEADLINE ? start : deadline;
    }

    int memberCount() {
        return memberCount;
    }

    Customer member(int index) {
        return members[index];
    }

    LocalDate confirmedOn(int index) {
        return confirmedDays[index] == UNCONFIRMED ? null : LocalDate.ofEpochDay(confirmedDays[index]);
    }

    int indexOf(String faberId) {
        String canonical = FaberIds.canonical(faberId);
        for (int i = 0; i < memberCount; i++) {
            if (FaberIds.canonical(members[i].faberId()).equals(canonical)) {
                return i;
            }
        }
        return -1;
    }

    void addMember(Customer student, LocalDate confirmedOn) {
        if (memberCount == members.length) {
            int size = Math.max(4, memberCount * 2);
            members = Arrays.copyOf(members, size);
            confirmedDays = Arrays.copyOf(confirmedDays, size);
        }
        members[memberCount] = student;
        confirmedDays[memberCount] = confirmedOn == null ? UNCONFIRMED : (int) confirmedOn.toEpochDay();
        memberCount++;
    }

    void confirm(int index, LocalDate on) {
        confirmedDays[index] = on == null ? UNCONFIRMED : (int) on.toEpochDay();
    }

    void removeMember(int index) {
        int tail = memberCount - index - 1;
        System.arraycopy(members, index + 1, members, index, tail);
        System.arraycopy(confirmedDays, index + 1, confirmedDays, index, tail);
        memberCount--;
        members[memberCount] = null;
    }

    /** Trims the member arrays to their size (the generator calls it once per part). */
    void compact() {
        if (members.length != memberCount) {
            members = memberCount == 0 ? NO_MEMBERS : Arrays.copyOf(members, memberCount);
            confirmedDays = memberCount == 0 ? NO_DAYS : Arrays.copyOf(confirmedDays, memberCount);
        }
    }
}
