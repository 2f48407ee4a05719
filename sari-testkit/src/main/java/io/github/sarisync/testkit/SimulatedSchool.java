package io.github.sarisync.testkit;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A handle on one driving school of a {@link SariSimulator}: its credentials, its course groups
 * and parts, their members, and which course types SARI has enabled for it. Every method is
 * thread-safe and takes effect for the next request.
 *
 * <pre>{@code
 * SimulatedSchool school = sari.addSchool("fahrschule-muster");
 * school.addGroup(CourseType.VKU, "VKU Mai", List.of(
 *     PartSpec.of(61, "VKU Teil 1", LocalDateTime.of(2026, 5, 4, 18, 0), location, 12),
 *     PartSpec.of(62, "VKU Teil 2", LocalDateTime.of(2026, 5, 6, 18, 0), location, 12)));
 * school.addMember(61, "1234567");
 * assertThat(school.courses(CourseType.VKU)).hasSize(1);
 * }</pre>
 */
public final class SimulatedSchool {
    private final SchoolState school;
    private final SimulatorState state;
    private final SimulatorClock clock;

    SimulatedSchool(SchoolState school, SimulatorState state, SimulatorClock clock) {
        this.school = school;
        this.state = state;
        this.clock = clock;
    }

    /** The school's id in the simulator (used to scope faults and read counters). */
    public String id() {
        return school.id;
    }

    /** The credentials the school's API user logs in with. */
    public SariCredentials credentials() {
        return school.credentials;
    }

    /**
     * Adds a course group with its parts. The group date is {@code date}, or midnight of the first
     * part's day when null.
     *
     * @throws IllegalArgumentException when a part id is used already anywhere in the simulator
     */
    public void addGroup(CourseType type, String name, LocalDateTime date, List<PartSpec> parts) {
        state.addGroup(school, type, name, date, parts);
    }

    /** Adds a course group dated midnight of its first part's day. */
    public void addGroup(CourseType type, String name, List<PartSpec> parts) {
        addGroup(type, name, null, parts);
    }

    /** Cancels (removes) a group and all its parts; false when the school has no such group. */
    public boolean cancelGroup(CourseType type, String name) {
        return state.cancelGroup(school, type, name);
    }

    /**
     * Removes the parts that started before the simulator's current time, as SARI does while a
     * course runs (getCourses hides them anyway; after this, getCourseDetail no longer finds them).
     *
     * @return the number of parts removed
     */
    public int dropPastParts() {
        return state.dropPastParts(school, clock.localNow());
    }

    /** Enables or disables a course type for this school (disabled: getCourses answers SECTION_NOT_FOUND). */
    public void setTypeEnabled(CourseType type, boolean enabled) {
        synchronized (school) {
            if (enabled) {
                school.enabledTypes.add(type);
            } else {
                school.enabledTypes.remove(type);
            }
        }
    }

    /** Sets a part's free places. */
    public void setFreePlaces(long partId, int freePlaces) {
        if (freePlaces < 0) {
            throw new IllegalArgumentException("freePlaces must be >= 0, was " + freePlaces);
        }
        PartState part = ownPart(partId);
        synchronized (school) {
            part.freePlaces = freePlaces;
        }
    }

    /**
     * Moves a part to a new start (Swiss local time), as SARI does when a date changes; the part keeps
     * its id, group, members and release state. A part moved into the future is listed again even if
     * its old start has passed.
     */
    public void moveStart(long partId, LocalDateTime start) {
        Objects.requireNonNull(start, "start");
        PartState part = ownPart(partId);
        synchronized (school) {
            part.start = PartState.seconds(start);
        }
    }

    /** Releases or withdraws a part (an unreleased part is not listed and cannot be booked). */
    public void setReleased(long partId, boolean released) {
        PartState part = ownPart(partId);
        synchronized (school) {
            part.released = released;
        }
    }

    /**
     * Registers a student from the simulator's registry in a part directly (as the SARI portal
     * would), unconfirmed, without touching free places.
     *
     * @throws IllegalArgumentException for an unknown part or student, or one registered already
     */
    public void addMember(long partId, String faberId) {
        addMember(partId, faberId, null);
    }

    /** Like {@link #addMember(long, String)}, confirmed on {@code confirmedOn} (null: unconfirmed). */
    public void addMember(long partId, String faberId, LocalDate confirmedOn) {
        PartState part = ownPart(partId);
        Customer student = state.student(faberId);
        if (student == null) {
            throw new IllegalArgumentException("no student with this faberid in the simulator's registry");
        }
        synchronized (school) {
            if (part.indexOf(faberId) >= 0) {
                throw new IllegalArgumentException("the student is in part " + partId + " already");
            }
            part.addMember(student, confirmedOn);
        }
    }

    /** Removes a student from a part directly; false when not a member. */
    public boolean removeMember(long partId, String faberId) {
        PartState part = ownPart(partId);
        synchronized (school) {
            int index = part.indexOf(faberId);
            if (index < 0) {
                return false;
            }
            part.removeMember(index);
            return true;
        }
    }

    /** Confirms a member's registration on {@code on} (the office did); null makes it unconfirmed again. */
    public void confirmMember(long partId, String faberId, LocalDate on) {
        PartState part = ownPart(partId);
        synchronized (school) {
            int index = part.indexOf(faberId);
            if (index < 0) {
                throw new IllegalArgumentException("the student is not in part " + partId);
            }
            part.confirm(index, on);
        }
    }

    /** What getCourses would answer now (as model records, zip as a string). */
    public List<CourseGroup> courses(CourseType type) {
        return Snapshots.courses(school, type, clock.localNow());
    }

    /** What getCourseDetail would answer now: members with faberids padded to nine digits. */
    public List<CourseMember> members(long partId) {
        return Snapshots.members(ownPart(partId));
    }

    /** A part's current free places. */
    public int freePlaces(long partId) {
        PartState part = ownPart(partId);
        synchronized (school) {
            return part.freePlaces;
        }
    }

    private PartState ownPart(long partId) {
        PartState part = state.part(partId);
        if (part == null || part.school != school) {
            throw new IllegalArgumentException("school " + school.id + " has no part " + partId);
        }
        return part;
    }

    @Override
    public String toString() {
        return "SimulatedSchool[" + school.id + "]";
    }
}
