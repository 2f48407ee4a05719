package io.github.sarisync.spring;

import io.github.sarisync.enrollment.EnrollmentService;
import io.github.sarisync.enrollment.OutboxRunReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.PeriodicTrigger;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drains the enrolment outbox: calls {@link EnrollmentService#processOutbox()} every
 * {@code sari.outbox.interval} (counted from the end of the previous run) on a one-thread scheduler of
 * its own, started and stopped with the application context, so queued registrations are retried in
 * every Boot host without the host scheduling anything. Several instances may run it: each school's entries
 * are sent under the school's sync lease (a school being synced, or drained by another instance, waits for a
 * later run) and the outbox's claims make sure each entry is sent by one of them. Give-ups reach the
 * {@code OutboxListener} beans (event, metric) through the service, once each, also those of an instance that
 * stopped before telling them.
 *
 * <pre>{@code
 * @Autowired SariOutboxWorker outbox;
 * outbox.runNow();   // e.g. from an operator's "retry now" button
 * }</pre>
 */
public class SariOutboxWorker implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SariOutboxWorker.class);

    private final EnrollmentService service;
    private final Duration interval;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> scheduled;

    public SariOutboxWorker(EnrollmentService service, Duration interval, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("sari.outbox.interval must be positive, was " + interval);
        }
    }

    /**
     * Runs one outbox run on the calling thread and returns its report; empty, without starting anything,
     * when a run of this worker is still in progress. A failure (e.g. the database is down) is logged and
     * reported as empty; the next scheduled run tries again.
     */
    public Optional<OutboxRunReport> runNow() {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            OutboxRunReport report = service.processOutbox();
            if (report.failedPermanently() > 0) {
                LOG.warn("sari-sync: the enrolment outbox gave up on {} registration change(s); see the outbox",
                        report.failedPermanently());
            } else if (report.lateGiveUps() > 0) {
                LOG.warn("sari-sync: announced {} registration change(s) the outbox had given up on before an"
                        + " instance stopped; see the outbox", report.lateGiveUps());
            } else if (report.attempted() > 0 || report.lockedTenants() > 0) {
                LOG.debug("sari-sync: outbox run: {}", report);
            }
            return Optional.of(report);
        } catch (RuntimeException e) {
            LOG.error("sari-sync: the outbox run failed: {}", e.toString(), e);
            return Optional.empty();
        } finally {
            running.set(false);
        }
    }

    /** The pause between two runs. */
    public Duration interval() {
        return interval;
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("sari-outbox-");
        scheduler.setDaemon(true);
        scheduler.setClock(clock);
        scheduler.initialize();
        PeriodicTrigger trigger = new PeriodicTrigger(interval);
        trigger.setInitialDelay(interval);
        scheduled = scheduler.schedule(this::runNow, trigger);
        LOG.info("sari-sync: enrolment outbox drained every {}", interval);
    }

    /** True when the recurring run is scheduled. */
    public synchronized boolean isScheduled() {
        return scheduled != null && !scheduled.isCancelled();
    }

    @Override
    public synchronized void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
