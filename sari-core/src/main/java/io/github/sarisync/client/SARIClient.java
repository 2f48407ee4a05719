package io.github.sarisync.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sarisync.model.CourseFeed;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;

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
 */
public final class SARIClient {
    private final Settings settings;

    private SARIClient(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** getVersion: the connection test; SARI echoes {@code text}. */
    public String version(String text) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** getCustomer: a student's person and licence data. */
    public Customer customer(String faberId, LocalDate birthdate) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * getCourses: all future, released courses of a type visible to this school. Parts that could
     * not be read are left out (see {@link #courseFeed(CourseType)} to see them).
     */
    public List<CourseGroup> courses(CourseType type) {
        return courseFeed(type).groups();
    }

    /** getCourses with the parts that could not be read and why. */
    public CourseFeed courseFeed(CourseType type) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** getCourseDetail: the students registered in one course part. */
    public List<CourseMember> courseDetail(long courseId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** putPersonCourse: registers a student for one course part. */
    public void enroll(long courseId, String faberId, LocalDate birthdate) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** deletePersonCourse: unregisters a student from one course part (only while unconfirmed). */
    public void unenroll(long courseId, String faberId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Obtains an access token now (or reuses a valid one). Used to test credentials.
     *
     * @throws SariException with {@link SariErrorCode#AUTHENTICATION_FAILED} for refused credentials
     */
    public void authenticate() {
        throw new UnsupportedOperationException("not implemented yet");
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
                    : HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
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
        private long maxResponseBytes = 16L * 1024 * 1024;
        private SariRequestListener requestListener = SariRequestListener.none();

        private Builder() {
        }

        /** One of the two SARI installations; {@link #baseUri(URI)} wins when both are set. */
        public Builder environment(SariEnvironment environment) {
            this.environment = environment;
            return this;
        }

        /** Another base URI (a simulator, a proxy). Plain http is refused for the production host. */
        public Builder baseUri(URI baseUri) {
            this.baseUri = baseUri;
            return this;
        }

        public Builder credentials(SariCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** A JDK HTTP client of your own (proxy, SSL, HTTP version); its connect timeout then applies. */
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

        public Builder objectMapper(ObjectMapper objectMapper) {
            this.objectMapper = objectMapper;
            return this;
        }

        /** Answers larger than this are refused as MALFORMED_RESPONSE. Default 16 MiB. */
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
            String scheme = uri.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("SARIClient: baseUri must be http or https, was " + uri);
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("SARIClient: baseUri has no host: " + uri);
            }
            if ("http".equalsIgnoreCase(scheme) && (environment == SariEnvironment.PRODUCTION
                    || uri.getHost().equalsIgnoreCase(SariEnvironment.PRODUCTION.baseUri().getHost()))) {
                throw new IllegalArgumentException("SARIClient: plain http is refused for PRODUCTION; use https");
            }
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
                objectMapper = new ObjectMapper();
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
