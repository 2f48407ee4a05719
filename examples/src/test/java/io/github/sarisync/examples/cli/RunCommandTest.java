package io.github.sarisync.examples.cli;

import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.SyncLock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    @TempDir
    Path dir;

    private RefusingSari sari;
    private CliRunner cli;

    @BeforeEach
    void aTenantOnASariThatRefusesIt() throws Exception {
        sari = new RefusingSari();
        cli = new CliRunner(dir)
                .env("SARI_URL", sari.uri().toString())
                .env("SARI_CREDENTIALS_KEY", "k1:" + AesGcmCredentialsCipher.generateKey())
                .env("SARI_CLIENT_ID", "c").env("SARI_CLIENT_SECRET", "s")
                .env("SARI_USERNAME", "u").env("SARI_PASSWORD", "p");
        assertThat(cli.run("tenants", "add", "school-7").exitCode()).isZero();
    }

    @AfterEach
    void stop() {
        sari.close();
    }

    @Test
    void runsTheGivenNumberOfRoundsWaitingTheGivenPeriodBetweenThem() {
        List<Duration> waits = new ArrayList<>();
        cli.waiter((stop, duration) -> {
            waits.add(duration);
            return false;
        });

        var result = cli.run("run", "--rounds", "2", "--every", "5m");

        assertThat(result.out()).contains("Round 1:").contains("school-7").contains("Round 2")
                .endsWith("Stopped after 2 rounds." + System.lineSeparator());
        assertThat(result.exitCode()).as("a tenant failed").isEqualTo(1);
        assertThat(result.err()).contains("Syncing due tenants every 5m against SARI at " + sari.uri());
        assertThat(waits).containsExactly(Duration.ofMinutes(5));
        assertThat(cli.installedHooks).as("the Ctrl-C handler is removed at the end").isEmpty();
    }

    @Test
    void ctrlCStopsTheLoopCleanlyAndTheHandlerReturns() throws Exception {
        List<Thread> started = new ArrayList<>();
        cli.waiter((stop, duration) -> {
            Thread hook = cli.installedHooks.get(0);
            started.add(hook);
            hook.start();
            return stop.await(30, TimeUnit.SECONDS);
        });

        var result = cli.run("run");

        assertThat(result.out()).contains("Round 1:").endsWith("Stopped after 1 round." + System.lineSeparator());
        started.get(0).join(TimeUnit.SECONDS.toMillis(30));
        assertThat(started.get(0).isAlive()).as("the handler waited for the loop to finish, then returned").isFalse();
    }

    @Test
    void withCronEveryTenantIsSyncedAtTheCronTimes() {
        List<Duration> waits = new ArrayList<>();
        cli.waiter((stop, duration) -> {
            waits.add(duration);
            return false;
        });

        var result = cli.run("run", "--cron", "*/5 * * * *", "--rounds", "1");

        assertThat(result.err()).contains("Syncing every tenant at cron '*/5 * * * *'");
        assertThat(result.out()).contains("Round 1:").containsPattern("school-7\\s+FAILED");
        assertThat(waits).hasSize(1).allMatch(d -> !d.isNegative() && d.compareTo(Duration.ofMinutes(5)) <= 0);
    }

    @Test
    void badScheduleOptionsAreRefused() {
        assertThat(cli.run("run", "--cron", "every day").err())
                .contains("--cron: cron expression 'every day' must have 5 fields");
        var every = cli.run("run", "--every", "0s");
        assertThat(every.exitCode()).isEqualTo(2);
        assertThat(every.err()).contains("--every must be a positive duration");
        assertThat(cli.run("run", "--rounds", "-1").exitCode()).isEqualTo(2);
    }

    /** The CLI's database, as another process sharing it sees it. */
    private SariJdbc cliDatabase() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + dir.resolve("sari-data").resolve("sari").toString().replace('\\', '/'));
        database.setUser("sa");
        return SariJdbc.builder().dataSource(database).build();
    }

    @Test
    void eachRoundDrainsTheOutboxAndPrintsTheChangesItGaveUpOnWithoutTheFullFaberId() {
        EnrollmentOutbox outbox = cliDatabase().enrollmentOutbox();
        Instant now = Instant.now();
        outbox.add(List.of(OutboxEntry.pending("entry-1", "op-1", "school-7", OutboxAction.ENROLL, 61, "001234567",
                LocalDate.of(2006, 5, 14), now, now).retryAt(now, "INTERNAL_SERVER_ERROR", now)));

        var result = cli.run("run", "--rounds", "1");

        assertThat(result.out()).contains("Outbox gave up: ENROLL part 61 faberId ", "tenant school-7, entry entry-1",
                "after 2 attempt(s)", "Outbox: 1 tried, 0 done, 0 to retry, 1 given up.");
        assertThat(result.out()).doesNotContain("001234567").doesNotContain("2006-05-14");
        assertThat(outbox.find("entry-1").orElseThrow().state()).isEqualTo(OutboxState.FAILED_PERMANENTLY);
    }

    @Test
    void aSchoolThatAnotherProcessIsSyncingIsLeftInTheOutboxForTheNextRound() {
        SariJdbc other = cliDatabase();
        Instant now = Instant.now();
        other.enrollmentOutbox().add(List.of(OutboxEntry.pending("entry-1", "op-1", "school-7", OutboxAction.UNENROLL,
                61, "001234567", null, now, now)));
        other.syncLock().tryAcquire(SyncLock.tenantLeaseName("school-7"), "other-process#12345678",
                Duration.ofMinutes(5)).orElseThrow();

        var result = cli.run("run", "--rounds", "1");

        assertThat(result.out()).contains("Outbox: 0 tried, 0 done, 0 to retry, 0 given up; 1 school(s) busy"
                + " elsewhere, next round.");
        OutboxEntry left = other.enrollmentOutbox().find("entry-1").orElseThrow();
        assertThat(left.state()).isEqualTo(OutboxState.PENDING);
        assertThat(left.attempts()).isZero();
    }
}
