package io.github.sarisync.testkit;

import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.License;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a simulator with many schools for benchmarks and demos, deterministically from a seed:
 * each school gets {@code vkuGroups} VKU groups of {@code vkuParts} parts and {@code pgsGroups}
 * PGS groups of {@code pgsParts} parts, starting 1 to 90 days after the simulator's current day,
 * each part with {@code membersPerPart} members from a shared pool of students (all in the
 * registry, with B and A1 licences valid for years). Defaults: 6 x 4 VKU, 3 x 2 PGS, 5 members.
 *
 * <p>School {@code i} (0-based) has the id {@code idPrefix + i} and the credentials of
 * {@link SariSimulator#derivedCredentials(String)}; part ids are consecutive from {@code firstPartId};
 * student faberids are consecutive from {@code firstFaberId}.
 *
 * <pre>{@code
 * SchoolGenerator.builder().schools(10_000).seed(7).build().populate(sari);
 * SariCredentials first = sari.school("school-0").credentials();
 * }</pre>
 */
public final class SchoolGenerator {
    private static final String[] FIRST = {"Anna", "Luca", "Mia", "Noah", "Lea", "Elias", "Lina", "Leon",
        "Emma", "Levin", "Laura", "Jonas", "Sara", "Nico", "Nina", "Tim", "Julia", "David", "Alina", "Samuel"};
    private static final String[] LAST = {"Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Schneider",
        "Meyer", "Steiner", "Fischer", "Gerber", "Brunner", "Baumann", "Frei", "Zimmermann", "Moser", "Widmer",
        "Wyss", "Graf", "Roth"};
    private static final String[][] CITIES = {{"3000", "Bern"}, {"8001", "Zürich"}, {"4001", "Basel"},
        {"6003", "Luzern"}, {"9000", "St. Gallen"}, {"1003", "Lausanne"}, {"1201", "Genève"},
        {"2502", "Biel/Bienne"}, {"7000", "Chur"}, {"6900", "Lugano"}};
    private static final String[] STREETS = {"Bahnhofstrasse 1", "Hauptstrasse 12", "Dorfstrasse 3",
        "Seestrasse 45", "Kirchweg 7", "Schulstrasse 9", "Industriestrasse 21", "Gartenweg 2"};

    private final int schools;
    private final int vkuGroups;
    private final int vkuParts;
    private final int pgsGroups;
    private final int pgsParts;
    private final int membersPerPart;
    private final long seed;
    private final String idPrefix;
    private final long firstPartId;
    private final long firstFaberId;

    private SchoolGenerator(Builder b) {
        this.schools = b.schools;
        this.vkuGroups = b.vkuGroups;
        this.vkuParts = b.vkuParts;
        this.pgsGroups = b.pgsGroups;
        this.pgsParts = b.pgsParts;
        this.membersPerPart = b.membersPerPart;
        this.seed = b.seed;
        this.idPrefix = b.idPrefix;
        this.firstPartId = b.firstPartId;
        this.firstFaberId = b.firstFaberId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The id of the {@code index}-th generated school. */
    public String schoolId(int index) {
        return idPrefix + index;
    }

    /**
     * Adds the schools, their courses and the students to {@code sari}.
     *
     * @return the schools added, in order
     * @throws IllegalArgumentException when a school id, username or part id is taken already
     */
    public List<SimulatedSchool> populate(SariSimulator sari) {
        Random random = new Random(seed);
        LocalDate today = sari.clock().localNow().toLocalDate();
        Customer[] students = students(sari, random, today);
        SimulatorState state = sari.state();
        List<SimulatedSchool> added = new ArrayList<>(schools);
        long[] nextPartId = {firstPartId};
        for (int i = 0; i < schools; i++) {
            String id = schoolId(i);
            SchoolState school = state.addSchool(id, SariSimulator.derivedCredentials(id));
            String[] city = CITIES[random.nextInt(CITIES.length)];
            CourseLocation location = new CourseLocation("Fahrschule " + id, STREETS[random.nextInt(STREETS.length)],
                    city[0], city[1]);
            addGroups(state, school, CourseType.VKU, vkuGroups, vkuParts, location, random, today, nextPartId, students);
            addGroups(state, school, CourseType.PGS, pgsGroups, pgsParts, location, random, today, nextPartId, students);
            added.add(sari.school(id));
        }
        return List.copyOf(added);
    }

    private Customer[] students(SariSimulator sari, Random random, LocalDate today) {
        int count = (int) Math.min(100_000L, Math.max(membersPerPart * 4L, schools * 20L));
        Customer[] students = new Customer[count];
        List<License> licenses = List.of(new License("B", today.plusYears(2)), new License("A1", today.plusYears(3)));
        for (int k = 0; k < count; k++) {
            String[] city = CITIES[random.nextInt(CITIES.length)];
            students[k] = new Customer(Long.toString(firstFaberId + k), LocalDate.of(1990, 1, 1)
                    .plusDays(random.nextInt(365 * 15)), FIRST[random.nextInt(FIRST.length)],
                    LAST[random.nextInt(LAST.length)], STREETS[random.nextInt(STREETS.length)], city[0], city[1],
                    licenses);
            sari.addStudent(students[k]);
        }
        return students;
    }

    private void addGroups(SimulatorState state, SchoolState school, CourseType type, int groups, int parts,
                           CourseLocation location, Random random, LocalDate today, long[] nextPartId,
                           Customer[] students) {
        boolean vku = type == CourseType.VKU;
        String[] partNames = new String[parts];
        for (int p = 0; p < parts; p++) {
            partNames[p] = type + " Teil " + (p + 1);
        }
        for (int g = 0; g < groups; g++) {
            LocalDate first = today.plusDays(1 + random.nextInt(90));
            List<PartSpec> specs = new ArrayList<>(parts);
            for (int p = 0; p < parts; p++) {
                LocalDateTime start = vku ? first.plusDays(2L * p).atTime(18, 0) : first.plusDays(p).atTime(8, 0);
                specs.add(PartSpec.of(nextPartId[0]++, partNames[p], start, location,
                        4 + random.nextInt(12)));
            }
            GroupState group = state.addGroup(school, type, type + " Kurs " + first, first.atStartOfDay(), specs);
            synchronized (school) {
                for (PartState part : group.parts) {
                    int from = random.nextInt(students.length);
                    for (int m = 0; m < membersPerPart; m++) {
                        LocalDate confirmed = random.nextInt(10) < 3 ? today.minusDays(random.nextInt(30)) : null;
                        part.addMember(students[(from + m) % students.length], confirmed);
                    }
                    part.compact();
                }
            }
        }
    }

    /** Generator settings; every one has a default. */
    public static final class Builder {
        private int schools = 1;
        private int vkuGroups = 6;
        private int vkuParts = 4;
        private int pgsGroups = 3;
        private int pgsParts = 2;
        private int membersPerPart = 5;
        private long seed = 1;
        private String idPrefix = "school-";
        private long firstPartId = 1_000_000;
        private long firstFaberId = 1_000_000;

        private Builder() {
        }

        /** How many schools (default 1). */
        public Builder schools(int count) {
            this.schools = count;
            return this;
        }

        /** VKU groups per school and parts per group (default 6 x 4). */
        public Builder vku(int groups, int partsPerGroup) {
            this.vkuGroups = groups;
            this.vkuParts = partsPerGroup;
            return this;
        }

        /** PGS groups per school and parts per group (default 3 x 2). */
        public Builder pgs(int groups, int partsPerGroup) {
            this.pgsGroups = groups;
            this.pgsParts = partsPerGroup;
            return this;
        }

        /** Members per part (default 5). */
        public Builder membersPerPart(int members) {
            this.membersPerPart = members;
            return this;
        }

        /** The seed; the same seed gives the same data (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** School ids are this prefix plus the 0-based index (default {@code school-}). */
        public Builder idPrefix(String prefix) {
            this.idPrefix = prefix;
            return this;
        }

        /** The first part id (default 1,000,000). */
        public Builder firstPartId(long id) {
            this.firstPartId = id;
            return this;
        }

        /** The first student faberid (default 1,000,000). */
        public Builder firstFaberId(long faberId) {
            this.firstFaberId = faberId;
            return this;
        }

        public SchoolGenerator build() {
            require(schools >= 0, "schools must be >= 0, was " + schools);
            require(vkuGroups >= 0 && pgsGroups >= 0, "group counts must be >= 0");
            require(vkuParts >= 1 && pgsParts >= 1, "parts per group must be >= 1");
            require(membersPerPart >= 0, "membersPerPart must be >= 0, was " + membersPerPart);
            require(idPrefix != null && !idPrefix.isBlank(), "idPrefix must not be blank");
            require(firstPartId >= 1, "firstPartId must be >= 1, was " + firstPartId);
            require(firstFaberId >= 1, "firstFaberId must be >= 1, was " + firstFaberId);
            return new SchoolGenerator(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException("SchoolGenerator: " + message);
            }
        }
    }
}
