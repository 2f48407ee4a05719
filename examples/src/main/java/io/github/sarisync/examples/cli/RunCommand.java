package io.github.sarisync.examples.cli;

import io.github.sarisync.enrollment.EnrollmentService;
import io.github.sarisync.enrollment.OutboxGiveUp;
import io.github.sarisync.enrollment.OutboxRunReport;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code run}: keeps syncing until stopped. Every {@code --every} it syncs the tenants that are
 * due (their interval elapsed, staggered so schools do not all hit SARI at once); with
 * {@code --cron} it syncs every tenant at the times of a cron expression instead. Ctrl-C (or
 * SIGTERM) cancels the round in progress: running tenants stop after the course type they are
 * writing, the others are skipped, and the command exits cleanly.
 *
 * <p>After each round it drains the enrolment outbox once (registrations that failed transiently are
 * retried) and prints a line for every entry the outbox gave up on: that registration change was not
 * made and needs a person. The other CLI processes and hosts sharing the database may drain it too: each
 * school is drained under its sync lease (a school another process is syncing or draining waits for the
 * next round) and the outbox's claims make sure each entry is sent once. A give-up another process wrote
 * but could not print (it stopped first) is printed by the next round of one of them.
 */
@Command(name = "run", sortOptions = false,
        description = {"Keeps syncing until stopped (Ctrl-C): every --every, the tenants whose interval has "
                + "elapsed; or, with --cron, every tenant at the cron times.",
                "After each round the enrolment outbox is drained once; a registration change it gives up on is printed.",
                "Ctrl-C stops cleanly after the tenants that are running. Exit code 1 when a tenant failed in any round."})
final class RunCommand implements Callable<Integer> {
    /** How long the Ctrl-C handler waits for the current round to wind down before the JVM exits anyway. */
    static final Duration STOP_GRACE = Duration.ofMinutes(2);

    @Spec
    CommandSpec spec;

    @Option(names = "--every", paramLabel = "DURATION", defaultValue = "1m",
            description = "How often to look for due tenants (default: ${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--cron", paramLabel = "EXPR",
            description = "Sync every tenant at these times instead: 5-field cron (minute hour day month weekday), "
                    + "in the machine's time zone, e.g. \"*/15 6-22 * * *\".")
    String cron;

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "A tenant's sync interval unless it has its own (default: 1h).")
    String interval;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "0",
            description = "Stop after N rounds (default: 0, until stopped).")
    int rounds;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        SariSyncCli root = SariSyncCli.root(spec);
        CliEnvironment env = root.environment();
        Duration period = parseEvery();
        CronSchedule schedule = parseCron();
        if (rounds < 0) {
            throw CliException.config("--rounds must be 0 (until stopped) or more, was " + rounds);
        }
        Map<Setting, String> flags = engineOptions.flags();
        SariSyncCli.putIfSet(flags, Setting.INTERVAL, interval);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        try {
            return loop(root, env, flags, period, schedule, stop, finished);
        } finally {
            finished.countDown();
        }
    }

    private int loop(SariSyncCli root, CliEnvironment env, Map<Setting, String> flags, Duration period,
                     CronSchedule schedule, CountDownLatch stop, CountDownLatch finished) {
        ProgressDisplay progress = new ProgressDisplay(env.err(), env.interactive());
        try (Session session = root.openSession(flags)) {
            SARISyncEngine engine = session.engine(progress);
            EnrollmentService enrollments = session.enrollments(engine, giveUp -> printGiveUp(env, giveUp));
            Thread hook = new Thread(() -> stopNow(engine, stop, finished), "sari-sync-stop");
            env.shutdownHooks().add(hook);
            env.err().println("Syncing " + (schedule == null ? "due tenants every " + Durations.format(period)
                    : "every tenant at cron '" + schedule + "'") + " against " + session.config().target()
                    + "; Ctrl-C stops.");
            env.err().flush();
            int round = 0;
            boolean anyFailed = false;
            try {
                while (stop.getCount() > 0) {
                    if (schedule != null && waitForCron(env, schedule, stop)) {
                        break;
                    }
                    round++;
                    SyncReport report = schedule == null ? engine.syncDue() : engine.syncAll();
                    progress.finish();
                    printRound(env, round, report);
                    drainOutbox(env, enrollments);
                    anyFailed |= !report.success();
                    if (rounds > 0 && round >= rounds) {
                        break;
                    }
                    if (schedule == null && env.waiter().await(stop, period)) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                env.shutdownHooks().remove(hook);
            }
            env.out().println("Stopped after " + round + (round == 1 ? " round." : " rounds."));
            env.out().flush();
            return anyFailed ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    /** Ctrl-C: no new round, cancel the running one, and give it time to finish its tenants. */
    private static void stopNow(SARISyncEngine engine, CountDownLatch stop, CountDownLatch finished) {
        stop.countDown();
        engine.cancel();
        try {
            finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForCron(CliEnvironment env, CronSchedule schedule, CountDownLatch stop)
            throws InterruptedException {
        ZonedDateTime now = env.clock().instant().atZone(ZoneId.systemDefault());
        ZonedDateTime next = schedule.next(now);
        return env.waiter().await(stop, Duration.between(now, next));
    }

    private static void printRound(CliEnvironment env, int round, SyncReport report) {
        if (report.results().isEmpty()) {
            env.out().println("Round " + round + ": no tenant due.");
        } else {
            env.out().println("Round " + round + ":");
            SyncSummary.print(env.out(), report);
        }
        env.out().flush();
    }

    private static void drainOutbox(CliEnvironment env, EnrollmentService enrollments) {
        OutboxRunReport outbox;
        try {
            outbox = enrollments.processOutbox();
        } catch (RuntimeException e) {
            env.err().println("Outbox: not drained this round: " + e.getClass().getSimpleName());
            env.err().flush();
            return;
        }
        if (outbox.attempted() > 0 || outbox.lockedTenants() > 0) {
            env.out().println("Outbox: " + outbox.attempted() + " tried, " + outbox.succeeded() + " done, "
                    + outbox.retryScheduled() + " to retry, " + outbox.failedPermanently() + " given up"
                    + (outbox.lockedTenants() == 0 ? "." : "; " + outbox.lockedTenants()
                    + " school(s) busy elsewhere, next round."));
            env.out().flush();
        }
    }

    /** One line per give-up: enough to find the entry, never the student's name, birthdate or full faberid. */
    private static void printGiveUp(CliEnvironment env, OutboxGiveUp giveUp) {
        env.out().println("Outbox gave up: " + giveUp.action() + " part " + giveUp.courseId() + " faberId "
                + giveUp.maskedFaberId() + " (tenant " + giveUp.tenantId() + ", entry " + giveUp.entryId() + ") after "
                + giveUp.attempts() + " attempt(s): " + giveUp.lastErrorCode()
                + ". The registration was not changed; act on it in SARI or retry the entry.");
        env.out().flush();
    }

    private Duration parseEvery() {
        try {
            return Durations.parse(every);
        } catch (IllegalArgumentException e) {
            throw CliException.config("--every " + Durations.FORMAT_HINT + ", was '" + every + "'");
        }
    }

    private CronSchedule parseCron() {
        if (cron == null) {
            return null;
        }
        try {
            return CronSchedule.parse(cron);
        } catch (IllegalArgumentException e) {
            throw CliException.config("--cron: " + e.getMessage());
        }
    }
}
