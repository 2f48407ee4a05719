package io.github.sarisync.examples.chaos;

import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.testkit.PartSpec;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SimulatedSchool;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Changes the simulator's data between sync rounds, as driving schools and SARI's office would,
 * from a seeded random sequence: new groups, cancelled groups, members added, confirmed and
 * removed, free places changed. Past parts are dropped by the runner after it moves the clock.
 *
 * <p>A group is cancelled only when all its listed parts start after the {@code cancelHorizon}
 * (so a cancelled part still lies in the future when the run is checked, and CANCELLED is its one
 * right status) and when it holds at most a quarter of the school's listed parts of that type (so
 * the engine's empty-feed guard, which holds back cancelling most of a school's parts at once,
 * does not stop it). Not thread-safe: one caller at a time.
 */
public final class Weather {
    /** Part ids of added groups start here, far from the generator's. */
    static final long FIRST_PART_ID = 500_000_000L;
    private static final double MAX_CANCELLED_SHARE = 0.25;
    private static final CourseLocation LOCATION = new CourseLocation("Chaos Hall", "Sturmweg 1", "3000", "Bern");

    private final SariSimulator simulator;
    private final Random random;
    private final long firstFaberId;
    private final int students;
    private final LocalDateTime cancelHorizon;
    private long nextPartId = FIRST_PART_ID;
    private int nextGroup = 1;
    private final Changes changes = new Changes();

    /**
     * @param firstFaberId  the first faberid of the simulator's registry of students
     * @param students      how many consecutive faberids from there are registered
     * @param cancelHorizon groups starting earlier are never cancelled (Swiss local time)
     */
    public Weather(SariSimulator simulator, long seed, long firstFaberId, int students, LocalDateTime cancelHorizon) {
        if (students < 1) {
            throw new IllegalArgumentException("the simulator needs registered students, has " + students);
        }
        this.simulator = simulator;
        this.random = new Random(seed);
        this.firstFaberId = firstFaberId;
        this.students = students;
        this.cancelHorizon = cancelHorizon;
    }

    /** What the weather has changed so far. */
    public static final class Changes {
        int groupsAdded;
        int groupsCancelled;
        int membersAdded;
        int membersConfirmed;
        int membersRemoved;
        int freePlacesChanged;

        @Override
        public String toString() {
            return "groups +" + groupsAdded + "/-" + groupsCancelled + ", members +" + membersAdded + " confirmed "
                    + membersConfirmed + " -" + membersRemoved + ", free places changed " + freePlacesChanged;
        }
    }

    public Changes changes() {
        return changes;
    }

    /** One round of changes over every school of the simulator. */
    public void blow() {
        LocalDateTime now = simulator.clock().localNow();
        for (SimulatedSchool school : simulator.schools()) {
            CourseType type = random.nextBoolean() ? CourseType.VKU : CourseType.PGS;
            if (random.nextDouble() < 0.4) {
                addGroup(school, type, now);
            }
            if (random.nextDouble() < 0.2) {
                cancelGroup(school, type);
            }
            List<Course> listed = listedParts(school);
            for (int i = 0; i < 3 && !listed.isEmpty(); i++) {
                changeMembers(school, listed.get(random.nextInt(listed.size())), now.toLocalDate());
            }
            if (!listed.isEmpty() && random.nextDouble() < 0.2) {
                Course part = listed.get(random.nextInt(listed.size()));
                school.setFreePlaces(part.id(), random.nextInt(16));
                changes.freePlacesChanged++;
            }
        }
    }

    private void addGroup(SimulatedSchool school, CourseType type, LocalDateTime now) {
        LocalDate first = now.toLocalDate().plusDays(2 + random.nextInt(60));
        int parts = 1 + random.nextInt(2);
        List<PartSpec> specs = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            LocalDateTime start = type == CourseType.VKU ? first.plusDays(2L * p).atTime(18, 0)
                    : first.plusDays(p).atTime(8, 0);
            specs.add(PartSpec.of(nextPartId++, type + " Teil " + (p + 1), start, LOCATION, 4 + random.nextInt(12)));
        }
        school.addGroup(type, type + " Chaos " + nextGroup++, specs);
        changes.groupsAdded++;
        for (PartSpec spec : specs) {
            for (int m = random.nextInt(3); m > 0; m--) {
                addMember(school, spec.id());
            }
        }
    }

    private void cancelGroup(SimulatedSchool school, CourseType type) {
        List<CourseGroup> groups = school.courses(type);
        int listed = groups.stream().mapToInt(g -> g.courses().size()).sum();
        List<CourseGroup> candidates = groups.stream()
                .filter(g -> !g.courses().isEmpty() && g.courses().size() <= listed * MAX_CANCELLED_SHARE)
                .filter(g -> g.courses().stream().allMatch(c -> c.startsAt().toLocalDateTime().isAfter(cancelHorizon)))
                .toList();
        if (candidates.isEmpty()) {
            return;
        }
        CourseGroup victim = candidates.get(random.nextInt(candidates.size()));
        if (school.cancelGroup(type, victim.name())) {
            changes.groupsCancelled++;
        }
    }

    private void changeMembers(SimulatedSchool school, Course part, LocalDate today) {
        List<CourseMember> members = school.members(part.id());
        double dice = random.nextDouble();
        if (dice < 0.45 || members.isEmpty()) {
            addMember(school, part.id());
        } else if (dice < 0.75) {
            List<CourseMember> unconfirmed = members.stream().filter(m -> m.confirmedOn() == null).toList();
            if (!unconfirmed.isEmpty()) {
                CourseMember member = unconfirmed.get(random.nextInt(unconfirmed.size()));
                school.confirmMember(part.id(), member.faberId(), today);
                changes.membersConfirmed++;
            }
        } else {
            CourseMember member = members.get(random.nextInt(members.size()));
            if (school.removeMember(part.id(), member.faberId())) {
                changes.membersRemoved++;
            }
        }
    }

    private void addMember(SimulatedSchool school, long partId) {
        String faberId = Long.toString(firstFaberId + random.nextInt(students));
        String canonical = FaberIds.canonical(faberId);
        boolean present = school.members(partId).stream()
                .anyMatch(m -> FaberIds.canonical(m.faberId()).equals(canonical));
        if (!present) {
            school.addMember(partId, faberId);
            changes.membersAdded++;
        }
    }

    private static List<Course> listedParts(SimulatedSchool school) {
        List<Course> parts = new ArrayList<>();
        for (CourseType type : CourseType.values()) {
            school.courses(type).forEach(group -> parts.addAll(group.courses()));
        }
        return parts;
    }
}
