package io.github.sarisync.testkit;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.FaberIds;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the simulator knows: schools (by id and by API username), every part by its id, and
 * the registry of students by canonical faberid. The maps are concurrent; a school's groups,
 * parts and members are guarded by that school's monitor.
 */
final class SimulatorState {
    private final List<SchoolState> schools = new ArrayList<>();
    private final Map<String, SchoolState> schoolsById = new ConcurrentHashMap<>();
    private final Map<String, SchoolState> schoolsByUsername = new ConcurrentHashMap<>();
    private final Map<Long, PartState> parts = new ConcurrentHashMap<>();
    private final Map<String, Customer> students = new ConcurrentHashMap<>();

    SchoolState addSchool(String id, SariCredentials credentials) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("school id must not be blank");
        }
        if (credentials == null) {
            throw new IllegalArgumentException("school " + id + ": credentials must not be null");
        }
        synchronized (schools) {
            if (schoolsById.containsKey(id)) {
                throw new IllegalArgumentException("a school with id " + id + " exists already");
            }
            if (schoolsByUsername.containsKey(credentials.username())) {
                throw new IllegalArgumentException("school " + id + ": username " + credentials.username()
                        + " is used by another school");
            }
            SchoolState school = new SchoolState(schools.size(), id, credentials);
            schools.add(school);
            schoolsById.put(id, school);
            schoolsByUsername.put(credentials.username(), school);
            return school;
        }
    }

    SchoolState school(String id) {
        return schoolsById.get(id);
    }

    SchoolState school(int index) {
        synchronized (schools) {
            if (index < 0 || index >= schools.size()) {
                throw new IllegalArgumentException("no school with index " + index + " (there are "
                        + schools.size() + ")");
            }
            return schools.get(index);
        }
    }

    int schoolCount() {
        synchronized (schools) {
            return schools.size();
        }
    }

    SchoolState schoolByUsername(String username) {
        return username == null ? null : schoolsByUsername.get(username);
    }

    PartState part(long id) {
        return parts.get(id);
    }

    void putStudent(Customer student) {
        if (student == null || student.faberId() == null || student.birthdate() == null) {
            throw new IllegalArgumentException("a student needs a faberid and a birthdate");
        }
        FaberIds.requireValid(student.faberId());
        students.put(FaberIds.canonical(student.faberId()), student);
    }

    Customer student(String faberId) {
        return faberId == null ? null : students.get(FaberIds.canonical(faberId));
    }

    int studentCount() {
        return students.size();
    }

    GroupState addGroup(SchoolState school, CourseType type, String name, LocalDateTime date, List<PartSpec> specs) {
        if (type == null) {
            throw new IllegalArgumentException("course type must not be null");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("group name must not be blank");
        }
        if (specs == null || specs.isEmpty()) {
            throw new IllegalArgumentException("group " + name + " needs at least one part");
        }
        LocalDateTime groupDate = date != null ? date
                : specs.stream().map(PartSpec::start).min(LocalDateTime::compareTo).orElseThrow()
                .toLocalDate().atStartOfDay();
        GroupState group = new GroupState(type, name, groupDate);
        List<PartState> added = new ArrayList<>(specs.size());
        synchronized (school) {
            for (PartSpec spec : specs) {
                PartState part = new PartState(spec, school, group);
                if (parts.putIfAbsent(spec.id(), part) != null) {
                    added.forEach(p -> parts.remove(p.id));
                    throw new IllegalArgumentException("part id " + spec.id() + " is used already");
                }
                added.add(part);
            }
            group.parts.addAll(added);
            school.groups.add(group);
        }
        return group;
    }

    /** Removes a group and its parts (a cancelled course): its parts are then unknown to SARI. */
    boolean cancelGroup(SchoolState school, CourseType type, String name) {
        synchronized (school) {
            for (GroupState group : school.groups) {
                if (group.type == type && group.name.equals(name)) {
                    school.groups.remove(group);
                    group.parts.forEach(p -> parts.remove(p.id));
                    return true;
                }
            }
            return false;
        }
    }

    /** Removes the parts that started before {@code now} (and groups left empty); the number removed. */
    int dropPastParts(SchoolState school, LocalDateTime now) {
        long nowSeconds = PartState.seconds(now);
        int dropped = 0;
        synchronized (school) {
            for (var groups = school.groups.iterator(); groups.hasNext(); ) {
                GroupState group = groups.next();
                for (var it = group.parts.iterator(); it.hasNext(); ) {
                    PartState part = it.next();
                    if (part.start < nowSeconds) {
                        it.remove();
                        parts.remove(part.id);
                        dropped++;
                    }
                }
                if (group.parts.isEmpty()) {
                    groups.remove();
                }
            }
        }
        return dropped;
    }

    List<SchoolState> schools() {
        synchronized (schools) {
            return List.copyOf(schools);
        }
    }
}
