package io.github.sarisync.spring.metrics;

import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariRequestListener;
import io.github.sarisync.enrollment.OutboxGiveUp;
import io.github.sarisync.enrollment.OutboxListener;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.SariTenantSnapshot;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Micrometer meters of the sync, fed as a {@link SyncListener} (runs), a
 * {@link SariRequestListener} (every HTTP exchange with SARI) and an {@link OutboxListener} (give-ups):
 * <ul>
 *   <li>{@code sari.sync.duration} (timer, tag {@code outcome}): one tenant run;</li>
 *   <li>{@code sari.sync.runs} (counter, tag {@code outcome}): tenant runs by outcome;</li>
 *   <li>{@code sari.sync.locked} (counter): tenants skipped because another instance was syncing them, or an
 *       outbox run was draining them (they have no run-log row; also counted in {@code sari.sync.runs} as
 *       skipped);</li>
 *   <li>{@code sari.sync.writes.refused} (counter, tag {@code write}): writes the stores refused because the
 *       run had lost its lease to a newer holder (a sign of runs longer than the lease, or stalls);</li>
 *   <li>{@code sari.requests} (counter, tags {@code operation}, {@code status}): requests to SARI;</li>
 *   <li>{@code sari.sync.last.success.age} (gauge, seconds): since the last successful run of the
 *       tenant that has waited longest (NaN when no enabled tenant has ever succeeded);</li>
 *   <li>{@code sari.outbox.gave.up} (counter, tags {@code action} enroll|unenroll, {@code code} a
 *       {@link SariErrorCode} name): outbox entries given up on (never a tenant, student or course tag).</li>
 * </ul>
 * With {@code tenantTag} the run meters carry a {@code tenant} tag, and the age gauge has one
 * series per tenant (refreshed after each run); off by default, because every school becomes a
 * time series of its own. Request meters never carry a tenant tag.
 *
 * <p>Every tag value comes from a fixed set, whatever SARI answers: {@code status} is {@code OK}, a
 * {@link SariErrorCode} name, or {@code UNKNOWN} for any other text (a hostile or new status cannot
 * create meters without bound); {@code operation} is one of the client's operations or {@code other};
 * {@code outcome} is a {@code SyncOutcome}. The gauge reads the tenants through a
 * {@link SariTenantSnapshot}, so a scrape does not read the tenant store each time.
 */
public class SariMetrics implements SyncListener, SariRequestListener, OutboxListener {
    public static final String RUN_DURATION = "sari.sync.duration";
    public static final String RUNS = "sari.sync.runs";
    public static final String REQUESTS = "sari.requests";
    public static final String LOCKED = "sari.sync.locked";
    public static final String WRITES_REFUSED = "sari.sync.writes.refused";
    public static final String LAST_SUCCESS_AGE = "sari.sync.last.success.age";
    public static final String OUTBOX_GAVE_UP = "sari.outbox.gave.up";

    private static final Logger LOG = LoggerFactory.getLogger(SariMetrics.class);
    /** The operations {@code SARIClient} reports; anything else is tagged {@code other}. */
    private static final Set<String> OPERATIONS = Set.of("token", "getVersion", "getCustomer", "getCourses",
            "getCourseDetail", "putPersonCourse", "deletePersonCourse");
    private static final Set<String> STATUSES = Stream.concat(Stream.of("OK"),
            Arrays.stream(SariErrorCode.values()).map(Enum::name)).collect(Collectors.toUnmodifiableSet());

    private final MeterRegistry registry;
    private final TenantStore tenants;
    private final SariTenantSnapshot snapshot;
    private final Clock clock;
    private final boolean tenantTag;
    private final MultiGauge perTenantAge;

    /** Reads the tenant store on every read of the age gauge. */
    public SariMetrics(MeterRegistry registry, TenantStore tenants, Clock clock, boolean tenantTag) {
        this(registry, tenants, SariTenantSnapshot.uncached(tenants, clock), clock, tenantTag);
    }

    /**
     * @param snapshot the tenants the age gauge reads (may be shared with the health indicator); the
     *                 per-tenant gauge is refreshed from {@code tenants} itself, once after each run
     */
    public SariMetrics(MeterRegistry registry, TenantStore tenants, SariTenantSnapshot snapshot, Clock clock,
                       boolean tenantTag) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tenantTag = tenantTag;
        if (tenantTag) {
            perTenantAge = MultiGauge.builder(LAST_SUCCESS_AGE).baseUnit("seconds")
                    .description("Seconds since the tenant's last successful sync").register(registry);
        } else {
            perTenantAge = null;
            Gauge.builder(LAST_SUCCESS_AGE, this, SariMetrics::oldestSuccessAgeSeconds).baseUnit("seconds")
                    .description("Seconds since the last successful sync of the tenant that has waited longest")
                    .strongReference(true)
                    .register(registry);
        }
    }

    @Override
    public void onRequest(String operation, String status, int httpStatus, Duration duration) {
        Counter.builder(REQUESTS).description("Requests sent to SARI")
                .tags("operation", operationTag(operation), "status", statusTag(status))
                .register(registry).increment();
    }

    /** The status as a tag: {@code OK}, a {@link SariErrorCode} name, or {@code UNKNOWN}; never SARI's raw text. */
    static String statusTag(String status) {
        return status != null && STATUSES.contains(status) ? status : SariErrorCode.UNKNOWN.name();
    }

    static String operationTag(String operation) {
        return operation != null && OPERATIONS.contains(operation) ? operation : "other";
    }

    @Override
    public void entryGaveUp(OutboxGiveUp giveUp) {
        Counter.builder(OUTBOX_GAVE_UP).description("Enrolment outbox entries given up on (registration not changed)")
                .tags("action", giveUp.action().name().toLowerCase(Locale.ROOT), "code", giveUp.errorCode().name())
                .register(registry).increment();
    }

    @Override
    public void tenantFinished(TenantSyncResult result) {
        Tags tags = Tags.of("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        if (tenantTag) {
            tags = tags.and("tenant", result.tenantId());
        }
        Counter.builder(RUNS).description("Tenant sync runs by outcome").tags(tags).register(registry).increment();
        if (result.skippedLocked()) {
            Counter.builder(LOCKED).description("Tenants skipped because another instance was syncing them")
                    .tags(tenantTag ? Tags.of("tenant", result.tenantId()) : Tags.empty()).register(registry)
                    .increment();
        }
        if (result.startedAt() != null && result.finishedAt() != null) {
            Timer.builder(RUN_DURATION).description("Duration of one tenant's sync run").tags(tags)
                    .register(registry).record(result.duration());
        }
    }

    @Override
    public void writeRefused(String tenantId, String write) {
        Tags tags = Tags.of("write", String.valueOf(write));
        if (tenantTag) {
            tags = tags.and("tenant", tenantId);
        }
        Counter.builder(WRITES_REFUSED).description("Writes refused because the run had lost its lease")
                .tags(tags).register(registry).increment();
    }

    @Override
    public void runFinished(SyncReport report) {
        if (perTenantAge != null) {
            refreshPerTenantAge();
        }
    }

    /** Re-reads the tenants for the per-tenant age gauge; called after each run when tenant tags are on. */
    public void refreshPerTenantAge() {
        if (perTenantAge == null) {
            return;
        }
        try {
            List<MultiGauge.Row<?>> rows = tenants.findEnabled().stream()
                    .filter(t -> t.state().lastSuccessAt() != null)
                    .<MultiGauge.Row<?>>map(t -> MultiGauge.Row.of(Tags.of("tenant", t.id()),
                            () -> ageSeconds(t.state().lastSuccessAt())))
                    .toList();
            perTenantAge.register(rows, true);
        } catch (RuntimeException e) {
            LOG.warn("sari-sync: cannot refresh {}: {}", LAST_SUCCESS_AGE, e.toString());
        }
    }

    private double oldestSuccessAgeSeconds() {
        try {
            Instant oldest = null;
            for (Tenant t : snapshot.enabledTenants()) {
                Instant success = t.state().lastSuccessAt();
                if (success != null && (oldest == null || success.isBefore(oldest))) {
                    oldest = success;
                }
            }
            return oldest == null ? Double.NaN : ageSeconds(oldest);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double ageSeconds(Instant at) {
        return Duration.between(at, clock.instant()).toMillis() / 1000.0;
    }
}
