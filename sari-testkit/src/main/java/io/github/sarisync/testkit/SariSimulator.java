package io.github.sarisync.testkit;

import io.github.sarisync.client.HostPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.model.Customer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An in-process SARI for tests, examples and benchmarks: a JDK HTTP server on a free loopback
 * port that speaks SARI's OAuth token endpoint and its six course-registration operations with
 * their business rules, holds driving schools with course groups, parts and members and a registry
 * of students, and can inject faults. Time is the simulator's own {@link SimulatorClock}.
 *
 * <pre>{@code
 * try (SariSimulator sari = SariSimulator.builder().clock(SimulatorClock.fixed(now)).start()) {
 *     SimulatedSchool school = sari.addSchool("muster");
 *     sari.addStudent(new Customer("1234567", LocalDate.of(2005, 1, 1), "Anna", "Muster",
 *             "Weg 1", "3000", "Bern", List.of(new License("B", LocalDate.of(2030, 1, 1)))));
 *     school.addGroup(CourseType.VKU, "VKU Mai", List.of(PartSpec.of(61, "VKU Teil 1", start, location, 12)));
 *     SARIClient client = SARIClient.builder().baseUri(sari.baseUri()).credentials(school.credentials()).build();
 *     client.enroll(61, "1234567", LocalDate.of(2005, 1, 1));
 *     assertThat(school.members(61)).hasSize(1);
 *     sari.inject(FaultRule.of(Fault.httpStatus(503)).operation(Operation.COURSES).times(2));
 * }
 * }</pre>
 *
 * <p>Answers: the JSON envelope {@code {"result": ..., "status": ...}} with HTTP 200 for every
 * business outcome; HTTP 401 for a missing, unknown or expired bearer token; HTTP 400/401 with an
 * OAuth error body for refused credentials. getCourses lists only released parts that start at or
 * after the simulator's current time (past parts drop out by themselves, as in SARI), in an array
 * of groups (see {@link CoursesForm}), and {@code result: null} when nothing is listed. A full part
 * (no free places) refuses enrolment with COURSE_NOT_ALLOWED_OR_ENABLED; a part of another school
 * answers NO_PERMISSION. See {@link CourseRegistration} for the order of the enrolment checks.
 *
 * <p>TCP_NODELAY: the JDK server reads the system property {@code sun.net.httpserver.nodelay} once,
 * when its classes load. Loading this class sets it to {@code true} unless it is set already, so
 * answers are not held back 40 ms by Nagle's algorithm; create no JDK {@code HttpServer} before
 * this class is loaded if you depend on it.
 *
 * <p>Thread-safe: tests may change schools, students, faults and the clock while requests run.
 * The server's threads are daemon threads: a plain {@code main} that should keep serving must
 * wait itself (e.g. join its own thread) until it calls {@link #close()}.
 */
public final class SariSimulator implements AutoCloseable {
    private static final HostPolicy LOOPBACK = HostPolicy.builder().allowLoopback().build();

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimulatorClock clock;
    private final SimulatorState state = new SimulatorState();
    private final SimulatorStats stats = new SimulatorStats();
    private final FaultEngine faults = new FaultEngine();
    private final FairUseLimiter fairUse;
    private final TokenStore tokens;
    private final Dispatcher dispatcher;
    private final SimulatorServer server;

    private SariSimulator(Builder b) {
        this.clock = b.clock != null ? b.clock : SimulatorClock.system();
        this.fairUse = b.fairUseLimit > 0 ? new FairUseLimiter(b.fairUseLimit) : null;
        this.tokens = new TokenStore(state, clock, b.tokenLifetime);
        this.dispatcher = new Dispatcher(tokens, new CourseRegistration(state, clock), stats, faults, fairUse, clock,
                b.latency.toMillis(), b.coursesForm);
        try {
            this.server = new SimulatorServer(dispatcher, b.threads);
        } catch (IOException e) {
            throw new UncheckedIOException("the SARI simulator could not start its HTTP server", e);
        }
    }

    /** Starts a simulator with the defaults (real-time clock, no latency, no fair-use limit). */
    public static SariSimulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the simulator listens, e.g. {@code http://127.0.0.1:53127}; give it to {@code SARIClient.Builder.baseUri}. */
    public URI baseUri() {
        return server.baseUri();
    }

    /**
     * The host policy that lets tenants, stores and engines point at a simulator: loopback allowed,
     * http included (the simulator listens on 127.0.0.1). The library's default policy allows only
     * https to the SARI installations, so a test or demo passes this to
     * {@code SyncOptions.builder().hostPolicy(..)}, {@code SariJdbc.builder().hostPolicy(..)},
     * {@code new InMemoryTenantStore(..)} and {@code CredentialsService.builder().hostPolicy(..)}.
     */
    public static HostPolicy hostPolicy() {
        return LOOPBACK;
    }

    /** The simulator's clock. */
    public SimulatorClock clock() {
        return clock;
    }

    /** The request counters. */
    public SimulatorStats stats() {
        return stats;
    }

    /**
     * Adds a school with credentials derived from its id: client id {@code client-<id>}, client
     * secret {@code secret-<id>}, username {@code <id>}, password {@code password-<id>}.
     */
    public SimulatedSchool addSchool(String id) {
        return addSchool(id, derivedCredentials(id));
    }

    /** Adds a school whose API user logs in with {@code credentials} (usernames must differ between schools). */
    public SimulatedSchool addSchool(String id, SariCredentials credentials) {
        return handle(state.addSchool(id, credentials));
    }

    /** The credentials {@link #addSchool(String)} gives a school with this id. */
    public static SariCredentials derivedCredentials(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("school id must not be blank");
        }
        return new SariCredentials("client-" + id, "secret-" + id, id, "password-" + id);
    }

    /** The school with this id, or an IllegalArgumentException. */
    public SimulatedSchool school(String id) {
        SchoolState school = state.school(id);
        if (school == null) {
            throw new IllegalArgumentException("the simulator has no school " + id);
        }
        return handle(school);
    }

    /** The {@code index}-th school added (0-based; generated schools in generation order). */
    public SimulatedSchool school(int index) {
        return handle(state.school(index));
    }

    public int schoolCount() {
        return state.schoolCount();
    }

    /** Every school, in the order added. */
    public List<SimulatedSchool> schools() {
        List<SimulatedSchool> result = new ArrayList<>();
        state.schools().forEach(s -> result.add(handle(s)));
        return List.copyOf(result);
    }

    /** Adds a student to the registry, or replaces the one with the same faberid (for later registrations). */
    public void addStudent(Customer student) {
        state.putStudent(student);
    }

    /** The registered student with this faberid (any padding), or null. */
    public Customer student(String faberId) {
        return state.student(faberId);
    }

    public int studentCount() {
        return state.studentCount();
    }

    /** Adds a fault rule; rules apply in the order injected, the first that applies wins. */
    public void inject(FaultRule rule) {
        faults.add(Objects.requireNonNull(rule, "rule"));
    }

    /** Removes every fault rule. */
    public void clearFaults() {
        faults.clear();
    }

    /** Makes every access and refresh token invalid: the next API call of every client gets HTTP 401. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** Changes how getCourses shapes its result from the next request on. */
    public void coursesForm(CoursesForm form) {
        dispatcher.coursesForm(Objects.requireNonNull(form, "form"));
    }

    /** Drops the past parts of every school (see {@link SimulatedSchool#dropPastParts()}); the number removed. */
    public int dropPastParts() {
        int dropped = 0;
        for (SchoolState school : state.schools()) {
            dropped += state.dropPastParts(school, clock.localNow());
        }
        return dropped;
    }

    /** Resets the counters and the fair-use windows. */
    public void resetCounters() {
        stats.reset();
        if (fairUse != null) {
            fairUse.reset();
        }
    }

    SimulatorState state() {
        return state;
    }

    private SimulatedSchool handle(SchoolState school) {
        return new SimulatedSchool(school, state, clock);
    }

    /** Stops the server; requests held back (latency, hangs) are cut off. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "SariSimulator[" + baseUri() + ", schools=" + schoolCount() + "]";
    }

    /** Settings of a simulator; every one has a default. */
    public static final class Builder {
        private Duration tokenLifetime = Duration.ofSeconds(3600);
        private SimulatorClock clock;
        private Duration latency = Duration.ZERO;
        private int fairUseLimit;
        private CoursesForm coursesForm = CoursesForm.ARRAY;
        private int threads = 4;

        private Builder() {
        }

        /** How long an access token is valid on the simulator clock (default 3600 s). */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /** The simulator's clock (default: {@link SimulatorClock#system()}). */
        public Builder clock(SimulatorClock clock) {
            this.clock = clock;
            return this;
        }

        /** Added to every answer without blocking a thread (default none). */
        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        /** Enforces SARI's fair use of 10 requests per school and minute with HTTP 429 and Retry-After. */
        public Builder enforceFairUse() {
            return fairUseLimit(10);
        }

        /** Enforces at most {@code perMinute} requests per school in any 60 s (0: off, the default). */
        public Builder fairUseLimit(int perMinute) {
            this.fairUseLimit = perMinute;
            return this;
        }

        /** The shape of getCourses results (default {@link CoursesForm#ARRAY}). */
        public Builder coursesForm(CoursesForm form) {
            this.coursesForm = form;
            return this;
        }

        /** Threads that read requests and compute answers (default 4; delayed answers need none). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Validates the settings and starts the server. */
        public SariSimulator start() {
            if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
                throw new IllegalArgumentException("tokenLifetime must be positive, was " + tokenLifetime);
            }
            if (latency == null || latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative, was " + latency);
            }
            if (fairUseLimit < 0) {
                throw new IllegalArgumentException("fairUseLimit must be >= 0, was " + fairUseLimit);
            }
            if (coursesForm == null) {
                throw new IllegalArgumentException("coursesForm must not be null");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + threads);
            }
            return new SariSimulator(this);
        }
    }
}
