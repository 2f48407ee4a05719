package io.github.sarisync.spring.internal;

import io.github.sarisync.spring.SariProperties;
import io.github.sarisync.spring.SariSyncJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.PeriodicTrigger;

import java.time.Clock;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs {@link SariSyncJob} on Spring's scheduling: a {@link CronTrigger} ({@code sari.schedule.mode=cron})
 * or a fixed-delay {@link PeriodicTrigger} ({@code due}), on a one-thread scheduler of its own, so
 * the host needs no {@code @EnableScheduling} and a long sync never delays the host's own
 * scheduled tasks. Started and stopped with the application context. Not API.
 */
public final class SariScheduler implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SariScheduler.class);

    private final SariSyncJob job;
    private final SariProperties.Schedule settings;
    private final Clock clock;
    private ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> scheduled;

    public SariScheduler(SariSyncJob job, SariProperties.Schedule settings, Clock clock) {
        this.job = job;
        this.settings = settings;
        this.clock = clock;
    }

    /** The trigger, or null for {@code sari.schedule.mode=off}. */
    public Trigger trigger() {
        return switch (settings.getMode()) {
            case CRON -> new CronTrigger(settings.getCron(), settings.getZone());
            case DUE -> {
                PeriodicTrigger periodic = new PeriodicTrigger(settings.getDueCheckInterval());
                periodic.setInitialDelay(settings.getDueCheckInterval());
                yield periodic;
            }
            case OFF -> null;
        };
    }

    /** A readable form of the schedule, e.g. {@code cron "0 0 * * * *" Europe/Zurich}. */
    public String describe() {
        return switch (settings.getMode()) {
            case CRON -> "cron \"" + settings.getCron() + "\" " + settings.getZone();
            case DUE -> "due, checked every " + settings.getDueCheckInterval();
            case OFF -> "off";
        };
    }

    @Override
    public synchronized void start() {
        Trigger trigger = trigger();
        if (trigger == null && !settings.isRunOnStartup()) {
            LOG.info("sari-sync: schedule off (sari.schedule.mode=off): the host triggers syncs");
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("sari-schedule-");
        scheduler.setDaemon(true);
        scheduler.setClock(clock);
        scheduler.initialize();
        if (trigger != null) {
            scheduled = scheduler.schedule(this::tick, trigger);
            LOG.info("sari-sync: scheduled, {}", describe());
        }
        if (settings.isRunOnStartup()) {
            scheduler.schedule(this::tick, clock.instant());
        }
    }

    /** True when a recurring run is scheduled. */
    public synchronized boolean isScheduled() {
        return scheduled != null && !scheduled.isCancelled();
    }

    private void tick() {
        try {
            job.runNow();
        } catch (RuntimeException e) {
            LOG.error("sari-sync: the scheduled run failed: {}", e.toString(), e);
        }
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
