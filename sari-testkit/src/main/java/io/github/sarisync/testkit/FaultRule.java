package io.github.sarisync.testkit;

import java.util.Objects;

/**
 * When a {@link Fault} applies: to which operation and school (any when not set), after how many
 * matching calls pass unharmed, how many times, and with which probability. Immutable; each
 * method returns a changed copy. Inject with {@link SariSimulator#inject(FaultRule)}.
 *
 * <pre>{@code
 * sari.inject(FaultRule.of(Fault.internalServerError()).operation(Operation.COURSES).times(2));
 * sari.inject(FaultRule.of(Fault.httpStatus(500)).onCall(3));             // only the 3rd call fails
 * sari.inject(FaultRule.of(Fault.httpStatus(503)).probability(0.2, 42).always()); // chaos, reproducible
 * }</pre>
 */
public final class FaultRule {
    /** {@link #times(int)} for a rule that applies until cleared. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final Fault fault;
    private final Operation operation;
    private final String schoolId;
    private final int skip;
    private final int times;
    private final double probability;
    private final long seed;

    private FaultRule(Fault fault, Operation operation, String schoolId, int skip, int times, double probability,
                      long seed) {
        this.fault = fault;
        this.operation = operation;
        this.schoolId = schoolId;
        this.skip = skip;
        this.times = times;
        this.probability = probability;
        this.seed = seed;
    }

    /** The fault for the next matching call, once, any operation and school. */
    public static FaultRule of(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        return new FaultRule(fault, null, null, 0, 1, 1.0, 0);
    }

    /** Only for this operation. */
    public FaultRule operation(Operation op) {
        Objects.requireNonNull(op, "operation");
        return new FaultRule(fault, op, schoolId, skip, times, probability, seed);
    }

    /** Only for requests of this school (by its id; token requests by the school's username). */
    public FaultRule school(String id) {
        Objects.requireNonNull(id, "school id");
        return new FaultRule(fault, operation, id, skip, times, probability, seed);
    }

    /** For the next {@code n} matching calls. */
    public FaultRule times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be >= 1, was " + n);
        }
        return new FaultRule(fault, operation, schoolId, skip, n, probability, seed);
    }

    /** For every matching call until the faults are cleared. */
    public FaultRule always() {
        return new FaultRule(fault, operation, schoolId, skip, UNLIMITED, probability, seed);
    }

    /** Lets {@code n} matching calls through before the fault applies. */
    public FaultRule afterCalls(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("afterCalls must be >= 0, was " + n);
        }
        return new FaultRule(fault, operation, schoolId, n, times, probability, seed);
    }

    /** The {@code n}-th matching call (counted from the injection, 1-based) gets the fault. */
    public FaultRule onCall(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("onCall must be >= 1, was " + n);
        }
        return afterCalls(n - 1);
    }

    /**
     * Each matching call gets the fault with probability {@code p}, drawn from a random sequence
     * seeded with {@code seed} (so a single-threaded run is reproducible). Combine with
     * {@link #always()} for a share of all requests.
     */
    public FaultRule probability(double p, long randomSeed) {
        if (!(p > 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("probability must be in (0, 1], was " + p);
        }
        return new FaultRule(fault, operation, schoolId, skip, times, p, randomSeed);
    }

    public Fault fault() {
        return fault;
    }

    /** The operation it is limited to, or null for all. */
    public Operation operation() {
        return operation;
    }

    /** The school it is limited to, or null for all. */
    public String schoolId() {
        return schoolId;
    }

    int skip() {
        return skip;
    }

    int times() {
        return times;
    }

    double probabilityValue() {
        return probability;
    }

    long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "FaultRule[" + fault + ", operation=" + operation + ", school=" + schoolId + ", after=" + skip
                + ", times=" + (times == UNLIMITED ? "always" : times) + ", p=" + probability + "]";
    }
}
