package io.github.sarisync.spring;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.enrollment.OutboxPolicy;
import io.github.sarisync.spring.internal.SariSettings;
import io.github.sarisync.sync.MemberPolicy;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sari.*} settings of the Spring Boot adapter. Every default written here equals the
 * library's own default (a test holds them together). Checked once after binding: a setting out
 * of range fails the start with a message naming it.
 *
 * <pre>{@code
 * sari.schedule.cron=0 15 * * * *
 * sari.credentials.keys=k2:<base64 of 32 bytes>,k1:<old key>
 * sari.client.rate-limit.requests-per-minute=10
 * }</pre>
 */
@ConfigurationProperties("sari")
public class SariProperties implements InitializingBean {

    /** Turns the whole adapter on or off (beans, schedule, health, endpoint, metrics). */
    private boolean enabled = true;

    private final Client client = new Client();
    private final Schedule schedule = new Schedule();
    private final Sync sync = new Sync();
    private final Jdbc jdbc = new Jdbc();
    private final Credentials credentials = new Credentials();
    private final Health health = new Health();
    private final Metrics metrics = new Metrics();
    private final Endpoint endpoint = new Endpoint();
    private final Trigger trigger = new Trigger();
    private final Outbox outbox = new Outbox();
    private final Hosts hosts = new Hosts();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Client getClient() {
        return client;
    }

    public Schedule getSchedule() {
        return schedule;
    }

    public Sync getSync() {
        return sync;
    }

    public Jdbc getJdbc() {
        return jdbc;
    }

    public Credentials getCredentials() {
        return credentials;
    }

    public Health getHealth() {
        return health;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Endpoint getEndpoint() {
        return endpoint;
    }

    public Trigger getTrigger() {
        return trigger;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    public Hosts getHosts() {
        return hosts;
    }

    /** Fails the start when a setting is out of range, naming the property. */
    @Override
    public void afterPropertiesSet() {
        client.validate();
        schedule.validate();
        health.validate();
        endpoint.validate();
        trigger.validate();
        outbox.validate();
        try {
            SariSettings.retryPolicy(this);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sari.client.retry: " + e.getMessage());
        }
        try {
            SariSettings.hostPolicy(this);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sari.hosts: " + e.getMessage());
        }
        try {
            SariSettings.syncOptions(this);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sari.sync: " + e.getMessage());
        }
    }

    private static void requirePositive(Duration value, String property) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be a positive duration, was " + value);
        }
    }

    /** How each tenant's SARI client talks to SARI. */
    public static class Client {
        /**
         * When set, every tenant's client talks to this SARI installation, whatever the tenant
         * says (e.g. TEST on a staging host). Leave empty to use each tenant's own.
         */
        private SariEnvironment environment;

        /**
         * When set, every tenant's client talks to this address instead of the tenant's own (a
         * proxy, or the simulator in a demo). Not together with environment.
         */
        private URI baseUri;

        /** Time to open a connection to SARI. */
        private Duration connectTimeout = Duration.ofSeconds(10);

        /** Time for one request to be answered in full. */
        private Duration requestTimeout = Duration.ofSeconds(30);

        /**
         * Largest answer read from SARI; a larger one fails the call as MALFORMED_RESPONSE. Default:
         * the client's own, SARIClient.DEFAULT_MAX_RESPONSE_BYTES.
         */
        private DataSize maxBodySize = DataSize.ofBytes(SARIClient.DEFAULT_MAX_RESPONSE_BYTES);

        private final Retry retry = new Retry();
        private final RateLimit rateLimit = new RateLimit();

        public SariEnvironment getEnvironment() {
            return environment;
        }

        public void setEnvironment(SariEnvironment environment) {
            this.environment = environment;
        }

        public URI getBaseUri() {
            return baseUri;
        }

        public void setBaseUri(URI baseUri) {
            this.baseUri = baseUri;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        public Retry getRetry() {
            return retry;
        }

        public RateLimit getRateLimit() {
            return rateLimit;
        }

        void validate() {
            if (environment != null && baseUri != null) {
                throw new IllegalArgumentException("sari.client.environment and sari.client.base-uri are both set ("
                        + environment + ", " + baseUri + "): set one of them");
            }
            requirePositive(connectTimeout, "sari.client.connect-timeout");
            requirePositive(requestTimeout, "sari.client.request-timeout");
            if (maxBodySize == null || maxBodySize.toBytes() < 1) {
                throw new IllegalArgumentException("sari.client.max-body-size must be at least 1B, was " + maxBodySize);
            }
            if (rateLimit.enabled && rateLimit.requestsPerMinute < 1) {
                throw new IllegalArgumentException("sari.client.rate-limit.requests-per-minute must be >= 1, was "
                        + rateLimit.requestsPerMinute + " (set sari.client.rate-limit.enabled=false for no limit)");
            }
        }
    }

    /** Retries of calls that failed transiently (5xx, 429, I/O errors, timeouts). */
    public static class Retry {
        /** Retries after the first attempt; 0 turns retrying off. */
        private int maxRetries = 3;

        /** Wait before the first retry; doubles with each further retry. */
        private Duration initialDelay = Duration.ofSeconds(1);

        /** Longest wait between two attempts. */
        private Duration maxDelay = Duration.ofSeconds(20);

        /** No retry is started that would end later than this after the first attempt. */
        private Duration maxTotal = Duration.ofSeconds(60);

        public int getMaxRetries() {
            return maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        public Duration getInitialDelay() {
            return initialDelay;
        }

        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        public Duration getMaxTotal() {
            return maxTotal;
        }

        public void setMaxTotal(Duration maxTotal) {
            this.maxTotal = maxTotal;
        }
    }

    /** Requests per driving school (per credentials) and minute, as SARI's operator asks. */
    public static class RateLimit {
        /** Whether requests are limited at all. */
        private boolean enabled = true;

        /** Requests one school's credentials may send in any minute. */
        private int requestsPerMinute = 10;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getRequestsPerMinute() {
            return requestsPerMinute;
        }

        public void setRequestsPerMinute(int requestsPerMinute) {
            this.requestsPerMinute = requestsPerMinute;
        }
    }

    /** When the adapter runs the sync by itself. */
    public static class Schedule {
        /** cron: syncAll on the cron expression; due: syncDue every due-check-interval; off: the host triggers. */
        private ScheduleMode mode = ScheduleMode.CRON;

        /** Spring cron expression (six fields: second minute hour day month weekday) for mode cron. */
        private String cron = "0 0 * * * *";

        /** Time zone of the cron expression. */
        private ZoneId zone = ZoneId.of("Europe/Zurich");

        /** With mode due: how often to look for tenants whose interval has elapsed. */
        private Duration dueCheckInterval = Duration.ofMinutes(1);

        /** Also run once right after the application has started. */
        private boolean runOnStartup = false;

        public ScheduleMode getMode() {
            return mode;
        }

        public void setMode(ScheduleMode mode) {
            this.mode = mode;
        }

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }

        public ZoneId getZone() {
            return zone;
        }

        public void setZone(ZoneId zone) {
            this.zone = zone;
        }

        public Duration getDueCheckInterval() {
            return dueCheckInterval;
        }

        public void setDueCheckInterval(Duration dueCheckInterval) {
            this.dueCheckInterval = dueCheckInterval;
        }

        public boolean isRunOnStartup() {
            return runOnStartup;
        }

        public void setRunOnStartup(boolean runOnStartup) {
            this.runOnStartup = runOnStartup;
        }

        void validate() {
            if (mode == null) {
                throw new IllegalArgumentException("sari.schedule.mode must be one of cron, due, off");
            }
            if (mode == ScheduleMode.CRON) {
                if (cron == null || cron.isBlank()) {
                    throw new IllegalArgumentException("sari.schedule.cron must be set when sari.schedule.mode=cron");
                }
                try {
                    CronExpression.parse(cron);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("sari.schedule.cron '" + cron + "' is not a valid cron expression"
                            + " (six fields: second minute hour day month weekday, e.g. \"0 0 * * * *\" for hourly): "
                            + e.getMessage());
                }
            }
            if (zone == null) {
                throw new IllegalArgumentException("sari.schedule.zone must be set, e.g. Europe/Zurich");
            }
            requirePositive(dueCheckInterval, "sari.schedule.due-check-interval");
        }
    }

    /** How the scheduled job calls the engine. */
    public enum ScheduleMode {
        /** {@code syncAll()} on {@code sari.schedule.cron}. */
        CRON,
        /** {@code syncDue()} every {@code sari.schedule.due-check-interval}: each tenant on its own interval, staggered. */
        DUE,
        /** No schedule: the host calls {@link SariSyncJob} or the engine itself. */
        OFF
    }

    /** How the engine syncs (see {@code SyncOptions}). */
    public static class Sync {
        /** Tenants synced at once. */
        private int parallelism = 4;

        /** Which course parts get their members fetched: ALL, NONE or CHANGED. */
        private MemberPolicy memberPolicy = MemberPolicy.CHANGED;

        /** With member-policy CHANGED: parts starting within this window get their members synced every run. */
        private Duration soonWindow = Duration.ofHours(48);

        /** Empty-feed guard: an answer that would cancel more than this share of the stored future parts is held back; 1.0 turns it off. */
        private double emptyFeedThreshold = 0.5;

        /** The empty-feed guard applies only when at least this many future parts are stored. */
        private int emptyFeedMinParts = 3;

        /** A tenant's sync interval (for mode due and the catch-up rule) unless the tenant has its own. */
        private Duration defaultInterval = Duration.ofHours(1);

        /** Spread tenants over the interval in mode due. */
        private boolean stagger = true;

        /** How long a tenant lease lasts before it must be extended. */
        private Duration leaseDuration = Duration.ofMinutes(5);

        /** Runs left STARTED with a heartbeat older than this are marked ABANDONED. */
        private Duration abandonAfter = Duration.ofMinutes(15);

        /** Run-log rows older than this are purged; empty keeps them forever. */
        private Duration runLogRetention = Duration.ofDays(90);

        /** This instance's name as lease owner; empty: host name and a random suffix. */
        private String instanceId;

        public int getParallelism() {
            return parallelism;
        }

        public void setParallelism(int parallelism) {
            this.parallelism = parallelism;
        }

        public MemberPolicy getMemberPolicy() {
            return memberPolicy;
        }

        public void setMemberPolicy(MemberPolicy memberPolicy) {
            this.memberPolicy = memberPolicy;
        }

        public Duration getSoonWindow() {
            return soonWindow;
        }

        public void setSoonWindow(Duration soonWindow) {
            this.soonWindow = soonWindow;
        }

        public double getEmptyFeedThreshold() {
            return emptyFeedThreshold;
        }

        public void setEmptyFeedThreshold(double emptyFeedThreshold) {
            this.emptyFeedThreshold = emptyFeedThreshold;
        }

        public int getEmptyFeedMinParts() {
            return emptyFeedMinParts;
        }

        public void setEmptyFeedMinParts(int emptyFeedMinParts) {
            this.emptyFeedMinParts = emptyFeedMinParts;
        }

        public Duration getDefaultInterval() {
            return defaultInterval;
        }

        public void setDefaultInterval(Duration defaultInterval) {
            this.defaultInterval = defaultInterval;
        }

        public boolean isStagger() {
            return stagger;
        }

        public void setStagger(boolean stagger) {
            this.stagger = stagger;
        }

        public Duration getLeaseDuration() {
            return leaseDuration;
        }

        public void setLeaseDuration(Duration leaseDuration) {
            this.leaseDuration = leaseDuration;
        }

        public Duration getAbandonAfter() {
            return abandonAfter;
        }

        public void setAbandonAfter(Duration abandonAfter) {
            this.abandonAfter = abandonAfter;
        }

        public Duration getRunLogRetention() {
            return runLogRetention;
        }

        public void setRunLogRetention(Duration runLogRetention) {
            this.runLogRetention = runLogRetention;
        }

        public String getInstanceId() {
            return instanceId;
        }

        public void setInstanceId(String instanceId) {
            this.instanceId = instanceId;
        }
    }

    /** The JDBC stores (used when the host has a DataSource and sari-jdbc is on the classpath). */
    public static class Jdbc {
        /** Create the sari tables at start: embedded (only on an embedded database such as H2), always, never. */
        private SchemaInit initializeSchema = SchemaInit.EMBEDDED;

        /** Prefix of the library's table names. */
        private String tablePrefix = "sari_";

        public SchemaInit getInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(SchemaInit initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }
    }

    /** When the JDBC stores create their tables (mirrors sari-jdbc's {@code SchemaInitialization}). */
    public enum SchemaInit {
        /** Only on an embedded database (H2). */
        EMBEDDED,
        /** On every database (tables are created when missing). */
        ALWAYS,
        /** Never: the host migrates the schema (e.g. with Flyway). */
        NEVER
    }

    /** Keys that encrypt the stored SARI credentials (AES-256-GCM). Never logged. */
    public static class Credentials {
        /**
         * Encryption keys as {@code id:base64[,id:base64...]}, each 32 random bytes (e.g. {@code openssl
         * rand -base64 32}). The first writes unless current-key-id names another; the others only read.
         */
        private String keys;

        /** Which of the keys encrypts; empty: the first. */
        private String currentKeyId;

        public String getKeys() {
            return keys;
        }

        public void setKeys(String keys) {
            this.keys = keys;
        }

        public String getCurrentKeyId() {
            return currentKeyId;
        }

        public void setCurrentKeyId(String currentKeyId) {
            this.currentKeyId = currentKeyId;
        }

        /** True when keys are configured. */
        public boolean hasKeys() {
            return keys != null && !keys.isBlank();
        }

        @Override
        public String toString() {
            return "Credentials[keys=" + (hasKeys() ? "(set)" : "(none)") + ", currentKeyId=" + currentKeyId + "]";
        }
    }

    /** The Actuator health indicator {@code sari}. */
    public static class Health {
        /** DOWN when a tenant failed this many runs in a row. */
        private int maxConsecutiveFailures = 3;

        /** DOWN when no tenant run succeeded within this age (counted from start-up before the first success). */
        private Duration maxAge = Duration.ofHours(3);

        /**
         * Health checks and the age gauge read the tenants at most once per this time (one shared
         * snapshot); 0 reads them on every check.
         */
        private Duration cacheTtl = Duration.ofSeconds(10);

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        public int getMaxConsecutiveFailures() {
            return maxConsecutiveFailures;
        }

        public void setMaxConsecutiveFailures(int maxConsecutiveFailures) {
            this.maxConsecutiveFailures = maxConsecutiveFailures;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }

        void validate() {
            if (maxConsecutiveFailures < 1) {
                throw new IllegalArgumentException("sari.health.max-consecutive-failures must be >= 1, was "
                        + maxConsecutiveFailures);
            }
            requirePositive(maxAge, "sari.health.max-age");
            if (cacheTtl == null || cacheTtl.isNegative()) {
                throw new IllegalArgumentException("sari.health.cache-ttl must be zero or positive, was " + cacheTtl);
            }
        }
    }

    /** Micrometer metrics. */
    public static class Metrics {
        /** Tag run metrics with the tenant id (one time series per school: mind the cardinality). */
        private boolean tenantTag = false;

        public boolean isTenantTag() {
            return tenantTag;
        }

        public void setTenantTag(boolean tenantTag) {
            this.tenantTag = tenantTag;
        }
    }

    /** The Actuator endpoint {@code sari}. */
    public static class Endpoint {
        /** How many recent runs the endpoint shows. */
        private int recentRuns = 20;

        /** Tenants per page of the endpoint's overview when the request names no {@code limit}. */
        private int pageSize = 50;

        /** The largest {@code limit} (tenants or runs) one request of the endpoint may ask for. */
        private int maxPageSize = 500;

        public int getPageSize() {
            return pageSize;
        }

        public void setPageSize(int pageSize) {
            this.pageSize = pageSize;
        }

        public int getMaxPageSize() {
            return maxPageSize;
        }

        public void setMaxPageSize(int maxPageSize) {
            this.maxPageSize = maxPageSize;
        }

        public int getRecentRuns() {
            return recentRuns;
        }

        public void setRecentRuns(int recentRuns) {
            this.recentRuns = recentRuns;
        }

        void validate() {
            if (recentRuns < 0 || recentRuns > 1000) {
                throw new IllegalArgumentException("sari.endpoint.recent-runs must be between 0 and 1000, was "
                        + recentRuns);
            }
            if (maxPageSize < 1 || maxPageSize > 10_000) {
                throw new IllegalArgumentException("sari.endpoint.max-page-size must be between 1 and 10000, was "
                        + maxPageSize);
            }
            if (pageSize < 1 || pageSize > maxPageSize) {
                throw new IllegalArgumentException("sari.endpoint.page-size must be between 1 and "
                        + "sari.endpoint.max-page-size (" + maxPageSize + "), was " + pageSize);
            }
        }
    }

    /**
     * The bounded pool that runs triggered syncs (the endpoint's POSTs, {@code SariSyncJob.runAsync()}
     * and {@code submitTenant}), so a trigger never runs a sync on the caller's (web) thread.
     */
    public static class Trigger {
        /** Triggered syncs running at once. */
        private int threads = 2;

        /** Triggered syncs waiting for a thread; one more is refused as busy. */
        private int queueCapacity = 10;

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        public int getQueueCapacity() {
            return queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        void validate() {
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("sari.trigger.threads must be between 1 and 64, was " + threads);
            }
            if (queueCapacity < 0 || queueCapacity > 10_000) {
                throw new IllegalArgumentException("sari.trigger.queue-capacity must be between 0 and 10000, was "
                        + queueCapacity);
            }
        }
    }

    /**
     * The enrolment outbox worker: drains {@code EnrollmentService.processOutbox()} on its own schedule
     * (on by default when the application has an {@code EnrollmentOutbox}, e.g. the JDBC one).
     */
    public static class Outbox {
        /** Run the outbox worker; false leaves draining to the host. */
        private boolean enabled = true;

        /** Pause between the end of one outbox run and the start of the next. */
        private Duration interval = Duration.ofMinutes(1);

        /** Due entries one outbox run claims at most. Default: the library's, OutboxPolicy.defaults().batchSize(). */
        private int batchSize = OutboxPolicy.defaults().batchSize();

        private final OutboxHealth health = new OutboxHealth();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public OutboxHealth getHealth() {
            return health;
        }

        void validate() {
            requirePositive(interval, "sari.outbox.interval");
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("sari.outbox.batch-size must be between 1 and 10000, was "
                        + batchSize);
            }
            requirePositive(health.maxPendingAge, "sari.outbox.health.max-pending-age");
            requirePositive(health.gaveUpWindow, "sari.outbox.health.gave-up-window");
            if (health.status == null || health.status.isBlank()) {
                throw new IllegalArgumentException("sari.outbox.health.status must be a health status such as DOWN,"
                        + " OUT_OF_SERVICE or a custom one, was blank");
            }
        }
    }

    /** The Actuator health indicator {@code sariOutbox}. */
    public static class OutboxHealth {
        /** The indicator reports {@code status} when the oldest PENDING entry was requested longer ago than this. */
        private Duration maxPendingAge = Duration.ofHours(1);

        /**
         * Entries the outbox gave up on (failed for good after retries) count while their give-up lies within
         * this window; retrying or cancelling such an entry ends its count at once.
         */
        private Duration gaveUpWindow = Duration.ofHours(24);

        /** The status reported for given-up or too old pending entries, e.g. DOWN, OUT_OF_SERVICE or WARNING. */
        private String status = "DOWN";

        public Duration getMaxPendingAge() {
            return maxPendingAge;
        }

        public void setMaxPendingAge(Duration maxPendingAge) {
            this.maxPendingAge = maxPendingAge;
        }

        public Duration getGaveUpWindow() {
            return gaveUpWindow;
        }

        public void setGaveUpWindow(Duration gaveUpWindow) {
            this.gaveUpWindow = gaveUpWindow;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }
    }

    /**
     * Where schools' SARI credentials may be sent (checked when a tenant is saved and when its
     * client is built). By default only https to the two SARI installations; sari.client.base-uri,
     * when set, is allowed too.
     */
    public static class Hosts {
        /**
         * Further addresses (scheme, host and port) tenants may point at, e.g. a proxy. Plain http
         * is accepted only to loopback; user info, query, link-local and metadata addresses never.
         */
        private List<URI> allowedBaseUris = new ArrayList<>();

        /** Allow loopback addresses (127.0.0.1, ::1, localhost), http included: for a simulator. */
        private boolean allowLoopback = false;

        /** Allow https to IP addresses of private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/8). */
        private boolean allowPrivateNetworks = false;

        public List<URI> getAllowedBaseUris() {
            return allowedBaseUris;
        }

        public void setAllowedBaseUris(List<URI> allowedBaseUris) {
            this.allowedBaseUris = allowedBaseUris;
        }

        public boolean isAllowLoopback() {
            return allowLoopback;
        }

        public void setAllowLoopback(boolean allowLoopback) {
            this.allowLoopback = allowLoopback;
        }

        public boolean isAllowPrivateNetworks() {
            return allowPrivateNetworks;
        }

        public void setAllowPrivateNetworks(boolean allowPrivateNetworks) {
            this.allowPrivateNetworks = allowPrivateNetworks;
        }
    }
}
