package io.github.sarisync.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sarisync.internal.client.CourseFeedReader;
import io.github.sarisync.internal.client.HttpExchange;
import io.github.sarisync.internal.client.JsonBodies;
import io.github.sarisync.internal.client.ModelReaders;
import io.github.sarisync.internal.client.RetryLoop;
import io.github.sarisync.internal.client.SariApi;
import io.github.sarisync.internal.client.Secrets;
import io.github.sarisync.internal.client.SharedHttpClients;
import io.github.sarisync.internal.client.SlidingWindowRateLimiter;
import io.github.sarisync.internal.client.TokenManager;
import io.github.sarisync.model.CourseDetail;
import io.github.sarisync.model.CourseFeed;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.FaberIds;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The SARI VKU/PGS course-registration API for one set of credentials (one driving school).
 * Thread-safe; build one per school and keep it, so that its access token is reused.
 *
 * <pre>{@code
 * SARIClient client = SARIClient.builder()
 *     .environment(SariEnvironment.TEST)
 *     .credentials(new SariCredentials(clientId, clientSecret, username, password))
 *     .build();
 * List<CourseGroup> groups = client.courses(CourseType.VKU);
 * }</pre>
 *
 * Every method throws {@link SariException} when SARI answers an error status or cannot be
 * reached, and {@link IllegalArgumentException} before any HTTP call when an argument is invalid.
 *
 * <p>What happens inside each call:
 * <ul>
 *   <li><b>Token.</b> An access token is fetched with the password grant (a GET with query
 *   parameters, as SARI wants it) and reused until 60 s before it expires by the configured clock;
 *   it is renewed with the refresh-token grant, falling back to the password grant. Only one token
 *   request runs at a time per client; other threads wait for it. An API call answered HTTP 401
 *   renews the token once and is repeated once; a second 401 fails as
 *   {@link SariErrorCode#UNAUTHORIZED}.</li>
 *   <li><b>Envelope.</b> SARI's {@code status} is read whatever the HTTP code; {@code OK} is
 *   success, every other status becomes {@link SariException#code()} (unknown ones as
 *   {@link SariErrorCode#UNKNOWN} with {@link SariException#status()} verbatim).</li>
 *   <li><b>Retries.</b> Transient faults (INTERNAL_SERVER_ERROR, HTTP 5xx, 429, I/O errors,
 *   timeouts) are repeated as the {@link RetryPolicy} says, honouring {@code Retry-After}; business
 *   statuses never are. A repeated {@link #enroll} answered PERSON_ALREADY_ADDED, or a repeated
 *   {@link #unenroll} answered COURSEMEMBER_NOT_FOUND, means the earlier attempt went through and
 *   counts as success.</li>
 *   <li><b>Rate limit.</b> Every HTTP attempt, token requests included, takes a permit of this
 *   client's {@link RateLimit}; a caller over the limit waits (through the {@link Sleeper}).</li>
 *   <li><b>Listener and logs.</b> The {@link SariRequestListener} hears every attempt. Each attempt
 *   is logged at DEBUG under {@code io.github.sarisync.client.http} with operation, HTTP status,
 *   SARI status, duration and a masked faberid; no URI of a token request, no secret, token, name
 *   or birthdate is ever logged or put into an exception message.</li>
 * </ul>
 */
public final class SARIClient {
    /** The largest answer a client reads unless {@link Builder#maxResponseBytes(long)} says otherwise: 16 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final Settings settings;
    private final SariApi api;
    private final TokenManager tokens;
    /** Whether the mapper reads floating-point numbers as BigDecimal: the streaming course reader follows it. */
    private final boolean decimals;

    private SARIClient(Settings settings) {
        this.settings = settings;
        Secrets secrets = new Secrets(settings.credentials);
        SlidingWindowRateLimiter limiter = SlidingWindowRateLimiter.of(settings.rateLimit, settings.clock,
                settings.sleeper);
        HttpExchange exchange = new HttpExchange(settings.httpClient, settings.requestTimeout,
                settings.maxResponseBytes, limiter, settings.requestListener, secrets);
        RetryLoop retry = new RetryLoop(settings.retry, settings.clock, settings.sleeper);
        JsonBodies json = new JsonBodies(settings.objectMapper);
        this.decimals = json.decimals();
        this.tokens = new TokenManager(settings.baseUri, settings.credentials, exchange, retry, json, settings.clock);
        this.api = new SariApi(settings.baseUri, exchange, retry, tokens, json, settings.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * getVersion: the connection test; SARI echoes {@code text}. The text is sent as one path
     * segment, so spaces and slashes are fine.
     *
     * @throws IllegalArgumentException when {@code text} is null or blank
     */
    public String version(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("version text must not be null or blank");
        }
        return api.execute(get("getVersion", "/version/" + SariApi.segment(text), ""), ModelReaders::version);
    }

    /**
     * getCustomer: a student's person and licence data.
     *
     * @param faberId   the licence number as the user gave it (digits, dots, spaces); sent unchanged
     * @param birthdate the student's birthdate
     * @throws IllegalArgumentException for an invalid faberid or a null birthdate
     */
    public Customer customer(String faberId, LocalDate birthdate) {
        FaberIds.requireValid(faberId);
        requireBirthdate(birthdate);
        String path = "/customer/" + SariApi.segment(faberId) + "/" + SariApi.segment(birthdate.toString());
        return api.execute(get("getCustomer", path, "faberid " + FaberIds.mask(faberId)), ModelReaders::customer);
    }

    /**
     * getCourses: all future, released courses of a type visible to this school. Parts that could
     * not be read are left out (see {@link #courseFeed(CourseType)} to see them).
     */
    public List<CourseGroup> courses(CourseType type) {
        return courseFeed(type).groups();
    }

    /**
     * getCourses with the parts that could not be read and why. Course times are SARI's Swiss local
     * times in Europe/Zurich: a time in the spring DST gap moves forward by the gap, one in the
     * autumn overlap takes summer time. An answer with more than 10,000 unreadable groups and parts
     * is no course list and fails as {@link SariErrorCode#MALFORMED_RESPONSE}.
     *
     * @throws IllegalArgumentException when {@code type} is null
     */
    public CourseFeed courseFeed(CourseType type) {
        if (type == null) {
            throw new IllegalArgumentException("course type must not be null");
        }
        return api.executeStreaming(get("getCourses", "/courses/" + type.name(), type.name()),
                result -> CourseFeedReader.read(type, result, decimals));
    }

    /**
     * getCourseDetail: the students registered in one course part. A member without a faberid is
     * left out; an unreadable name, birthdate or confirmation date is read as null (both counted in a
     * WARN log line).
     *
     * @throws IllegalArgumentException when {@code courseId} is not positive
     */
    public List<CourseMember> courseDetail(long courseId) {
        return courseDetailFeed(courseId).members();
    }

    /**
     * getCourseDetail with the number of member records that could not be read (left out of the
     * members), so that a sync does not take them for students who left.
     *
     * @throws IllegalArgumentException when {@code courseId} is not positive
     */
    public CourseDetail courseDetailFeed(long courseId) {
        requireCourseId(courseId);
        return api.execute(get("getCourseDetail", "/coursedetail/" + courseId, "course " + courseId),
                result -> ModelReaders.detail(courseId, result));
    }

    /**
     * putPersonCourse: registers a student for one course part. When a repeated attempt (after a
     * timeout or a server fault) is answered PERSON_ALREADY_ADDED, the earlier attempt went
     * through and this returns normally; on the first attempt that status is thrown.
     *
     * @throws IllegalArgumentException for a non-positive course id, an invalid faberid or a null birthdate
     */
    public void enroll(long courseId, String faberId, LocalDate birthdate) {
        requireCourseId(courseId);
        FaberIds.requireValid(faberId);
        requireBirthdate(birthdate);
        String form = SariApi.form("courseid", Long.toString(courseId), "faberid", faberId,
                "birthdate", birthdate.toString());
        api.execute(new SariApi.Call("putPersonCourse", "PUT", "/personcourse", form,
                "course " + courseId + ", faberid " + FaberIds.mask(faberId), "PERSON_ALREADY_ADDED"), result -> null);
    }

    /**
     * deletePersonCourse: unregisters a student from one course part (only while unconfirmed).
     * When a repeated attempt is answered COURSEMEMBER_NOT_FOUND, the earlier attempt went
     * through and this returns normally; on the first attempt that status is thrown.
     *
     * @throws IllegalArgumentException for a non-positive course id or an invalid faberid
     */
    public void unenroll(long courseId, String faberId) {
        requireCourseId(courseId);
        FaberIds.requireValid(faberId);
        String form = SariApi.form("courseid", Long.toString(courseId), "faberid", faberId);
        api.execute(new SariApi.Call("deletePersonCourse", "DELETE", "/personcourse", form,
                "course " + courseId + ", faberid " + FaberIds.mask(faberId), "COURSEMEMBER_NOT_FOUND"), result -> null);
    }

    /**
     * Obtains an access token now (or reuses a valid one). Used to test credentials.
     *
     * @throws SariException with {@link SariErrorCode#AUTHENTICATION_FAILED} for refused credentials
     */
    public void authenticate() {
        tokens.accessToken();
    }

    private static SariApi.Call get(String operation, String path, String subject) {
        return new SariApi.Call(operation, "GET", path, null, subject, null);
    }

    private static void requireCourseId(long courseId) {
        if (courseId <= 0) {
            throw new IllegalArgumentException("courseId must be > 0, was " + courseId);
        }
    }

    private static void requireBirthdate(LocalDate birthdate) {
        if (birthdate == null) {
            throw new IllegalArgumentException("birthdate must not be null");
        }
    }

    /** The base URI this client talks to. */
    public URI baseUri() {
        return settings.baseUri;
    }

    @Override
    public String toString() {
        return "SARIClient[" + settings.baseUri + ", " + settings.credentials + "]";
    }

    /** Everything a built client was configured with (validated). */
    static final class Settings {
        final URI baseUri;
        final SariCredentials credentials;
        final HttpClient httpClient;
        final Clock clock;
        final Sleeper sleeper;
        final RetryPolicy retry;
        final RateLimit rateLimit;
        final Duration connectTimeout;
        final Duration requestTimeout;
        final ObjectMapper objectMapper;
        final long maxResponseBytes;
        final SariRequestListener requestListener;

        Settings(Builder b, URI baseUri) {
            this.baseUri = baseUri;
            this.credentials = b.credentials;
            this.clock = b.clock;
            this.sleeper = b.sleeper;
            this.retry = b.retry;
            this.rateLimit = b.rateLimit;
            this.connectTimeout = b.connectTimeout;
            this.requestTimeout = b.requestTimeout;
            this.objectMapper = b.objectMapper;
            this.maxResponseBytes = b.maxResponseBytes;
            this.requestListener = b.requestListener;
            this.httpClient = b.httpClient != null ? b.httpClient
                    : SharedHttpClients.forConnectTimeout(b.connectTimeout);
        }
    }

    /**
     * Builds a {@link SARIClient}. Required: credentials and one of environment or baseUri.
     * {@link #build()} fails with a message naming the setting that is missing or wrong.
     */
    public static final class Builder {
        private SariEnvironment environment;
        private URI baseUri;
        private SariCredentials credentials;
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private RetryPolicy retry = RetryPolicy.defaults();
        private RateLimit rateLimit = RateLimit.defaults();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private ObjectMapper objectMapper;
        /**
         * One mapper for every client built without one of its own: an engine builds a client per
         * tenant, and a mapper's caches cost memory and warm up separately. Only read from, so sharing
         * it is safe.
         */
        private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private SariRequestListener requestListener = SariRequestListener.none();

        private Builder() {
        }

        /** One of the two SARI installations; {@link #baseUri(URI)} wins when both are set. */
        public Builder environment(SariEnvironment environment) {
            this.environment = environment;
            return this;
        }

        /**
         * Another base URI (a simulator, a proxy). {@link #build()} refuses what no
         * {@link HostPolicy} allows ({@link HostPolicy#requireSafe(URI)}: user info, query, a host
         * ending in a dot, metadata and link-local addresses, plain http to anything but loopback),
         * but accepts any other address, loopback http included, so tests can use a local server.
         * The engine and the tenant stores apply the stricter {@link HostPolicy} of their settings.
         */
        public Builder baseUri(URI baseUri) {
            this.baseUri = baseUri;
            return this;
        }

        public Builder credentials(SariCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * A JDK HTTP client of your own (proxy, SSL, HTTP version); its connect timeout then applies.
         * Without one, the client uses a process-wide HTTP/1.1 client shared by every SARIClient with
         * the same connect timeout, so that thousands of clients (one per school) share one
         * connection pool and selector thread.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        /** Default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Time for one request to be answered in full. Default 30 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** The Jackson mapper used to read answers into JSON trees. Default: a plain mapper. */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.objectMapper = objectMapper;
            return this;
        }

        /** Answers larger than this are refused as MALFORMED_RESPONSE. Default {@link #DEFAULT_MAX_RESPONSE_BYTES}. */
        public Builder maxResponseBytes(long maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        public Builder requestListener(SariRequestListener requestListener) {
            this.requestListener = requestListener;
            return this;
        }

        public SARIClient build() {
            if (credentials == null) {
                throw new IllegalArgumentException("SARIClient: credentials are required");
            }
            URI uri = baseUri != null ? baseUri : environment != null ? environment.baseUri() : null;
            if (uri == null) {
                throw new IllegalArgumentException("SARIClient: set environment(...) or baseUri(...)");
            }
            HostPolicy.requireSafe(uri);
            Objects.requireNonNull(clock, "SARIClient: clock");
            Objects.requireNonNull(sleeper, "SARIClient: sleeper");
            Objects.requireNonNull(retry, "SARIClient: retry");
            Objects.requireNonNull(rateLimit, "SARIClient: rateLimit");
            Objects.requireNonNull(requestListener, "SARIClient: requestListener");
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(requestTimeout, "requestTimeout");
            if (maxResponseBytes <= 0) {
                throw new IllegalArgumentException("SARIClient: maxResponseBytes must be > 0, was " + maxResponseBytes);
            }
            if (objectMapper == null) {
                objectMapper = DEFAULT_MAPPER;
            }
            return new SARIClient(new Settings(this, stripTrailingSlash(uri)));
        }

        private static void requirePositive(Duration d, String name) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("SARIClient: " + name + " must be > 0, was " + d);
            }
        }

        private static URI stripTrailingSlash(URI uri) {
            String s = uri.toString();
            return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
        }
    }
}
