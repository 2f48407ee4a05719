package io.github.sarisync.testkit;

import io.github.sarisync.model.FaberIds;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulator has received since it started or since {@link #reset()}: requests in total,
 * per operation, per school, and the largest number of requests one school sent within any 60
 * seconds of the simulator clock (to check fair use), the requests answered with an injected
 * fault, per kind, and the registration calls (enrol, unenrol) per part and student, so that a test
 * can see a change sent twice. Every request is counted, also those
 * answered with a fault, a 401 or a 429; requests that name no known school count only in the
 * totals. Thread-safe.
 */
public final class SimulatorStats {
    private final LongAdder total = new LongAdder();
    private final Map<Operation, LongAdder> byOperation = new EnumMap<>(Operation.class);
    private final Map<String, LongAdder> bySchool = new ConcurrentHashMap<>();
    private final Map<String, MinuteWindow> windows = new ConcurrentHashMap<>();
    private final Map<Fault.Kind, LongAdder> faults = new EnumMap<>(Fault.Kind.class);
    private final Map<String, LongAdder> registrations = new ConcurrentHashMap<>();

    SimulatorStats() {
        for (Operation op : Operation.values()) {
            byOperation.put(op, new LongAdder());
        }
        for (Fault.Kind kind : Fault.Kind.values()) {
            faults.put(kind, new LongAdder());
        }
    }

    void recordFault(Fault.Kind kind) {
        faults.get(kind).increment();
    }

    /** Requests answered with an injected fault (of any kind). */
    public long faults() {
        return faults.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Requests answered with an injected fault of this kind. */
    public long faults(Fault.Kind kind) {
        return faults.get(kind).sum();
    }

    void record(Operation operation, String schoolId, long nowMillis) {
        total.increment();
        byOperation.get(operation).increment();
        if (schoolId != null) {
            bySchool.computeIfAbsent(schoolId, id -> new LongAdder()).increment();
            MinuteWindow window = windows.computeIfAbsent(schoolId, id -> new MinuteWindow());
            synchronized (window) {
                window.add(nowMillis);
            }
        }
    }

    void recordRegistration(Operation operation, String partId, String faberId) {
        registrations.computeIfAbsent(registrationKey(operation, partId, faberId), k -> new LongAdder()).increment();
    }

    /**
     * Registration calls ({@link Operation#ENROLL} or {@link Operation#UNENROLL}) received for one part and
     * student (faberids compared on their canonical form), whatever they were answered.
     */
    public long registrationCalls(Operation operation, long partId, String faberId) {
        LongAdder adder = registrations.get(registrationKey(operation, Long.toString(partId), faberId));
        return adder == null ? 0 : adder.sum();
    }

    /** Registration calls beyond the first for the same operation, part and student: changes sent again. */
    public long repeatedRegistrationCalls() {
        return registrations.values().stream().mapToLong(a -> Math.max(0, a.sum() - 1)).sum();
    }

    private static String registrationKey(Operation operation, String partId, String faberId) {
        String student = faberId == null || faberId.isBlank() ? "" : FaberIds.canonical(faberId);
        return operation + " " + (partId == null ? "" : partId.strip()) + " " + student;
    }

    /** All requests. */
    public long total() {
        return total.sum();
    }

    /** Requests for one operation. */
    public long requests(Operation operation) {
        return byOperation.get(operation).sum();
    }

    /** Requests of one school (by school id), token requests included. */
    public long requests(String schoolId) {
        LongAdder adder = bySchool.get(schoolId);
        return adder == null ? 0 : adder.sum();
    }

    /** The number of schools that sent at least one request. */
    public int schoolsSeen() {
        return bySchool.size();
    }

    /** The most requests one school sent within any 60 seconds of the simulator clock. */
    public int maxRequestsPerMinute(String schoolId) {
        MinuteWindow window = windows.get(schoolId);
        if (window == null) {
            return 0;
        }
        synchronized (window) {
            return window.max();
        }
    }

    /** The most requests any school sent within any 60 seconds of the simulator clock. */
    public int maxRequestsPerMinute() {
        int max = 0;
        for (MinuteWindow window : windows.values()) {
            synchronized (window) {
                max = Math.max(max, window.max());
            }
        }
        return max;
    }

    /** Forgets everything counted so far. */
    public void reset() {
        total.reset();
        byOperation.values().forEach(LongAdder::reset);
        faults.values().forEach(LongAdder::reset);
        bySchool.clear();
        windows.clear();
        registrations.clear();
    }

    @Override
    public String toString() {
        return "SimulatorStats[total=" + total() + ", schools=" + schoolsSeen() + ", maxPerMinute="
                + maxRequestsPerMinute() + "]";
    }
}
