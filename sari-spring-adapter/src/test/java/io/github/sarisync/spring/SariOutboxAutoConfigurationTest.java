package io.github.sarisync.spring;

import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.enrollment.EnrollmentService;
import io.github.sarisync.enrollment.OutboxRunReport;
import io.github.sarisync.jdbc.JdbcEnrollmentOutbox;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.actuate.SariActuatorAutoConfiguration;
import io.github.sarisync.spring.actuate.SariOutboxHealthIndicator;
import io.github.sarisync.spring.event.OutboxEntryGaveUpEvent;
import io.github.sarisync.spring.metrics.SariMetrics;
import io.github.sarisync.spring.metrics.SariMetricsAutoConfiguration;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.testkit.PartSpec;
import io.github.sarisync.testkit.SariSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SariOutboxAutoConfigurationTest {
    private static final String KEY = AesGcmCredentialsCipher.generateKey();
    private static final String FABER_ID = "001234567";
    private static SariSimulator sari;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SariAutoConfiguration.class, SariOutboxAutoConfiguration.class,
                    SariActuatorAutoConfiguration.class, SariMetricsAutoConfiguration.class));

    @BeforeAll
    static void startSari() {
        sari = SariSimulator.start();
        sari.addSchool("school-a").addGroup(CourseType.VKU, "VKU März", List.of(PartSpec.of(61, "VKU Teil 1",
                LocalDateTime.now().plusDays(30), new CourseLocation("Halle", "Weg 1", "8000", "Zürich"), 10)));
    }

    @AfterAll
    static void stopSari() {
        sari.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class H2AndMeters {
        @Bean
        DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:sari-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return ds;
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        GiveUps giveUps() {
            return new GiveUps();
        }
    }

    static class GiveUps {
        final List<OutboxEntryGaveUpEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(OutboxEntryGaveUpEvent event) {
            events.add(event);
        }
    }

    @Test
    void withTheJdbcStoresTheWorkerDrainsTheOutboxAndAGiveUpBecomesAnEventAndAMetric() {
        runner.withUserConfiguration(H2AndMeters.class)
                .withPropertyValues("sari.credentials.keys=k1:" + KEY, "sari.hosts.allow-loopback=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(EnrollmentService.class);
                    assertThat(context).getBean(EnrollmentOutbox.class).isInstanceOf(JdbcEnrollmentOutbox.class);
                    SariOutboxWorker worker = context.getBean(SariOutboxWorker.class);
                    assertThat(worker.isScheduled()).isTrue();
                    context.getBean(TenantStore.class).save(Tenant.of("school-a", "Fahrschule A", sari.baseUri()),
                            SariSimulator.derivedCredentials("school-a"));
                    EnrollmentOutbox outbox = context.getBean(EnrollmentOutbox.class);
                    Instant now = Instant.now();
                    outbox.add(List.of(
                            OutboxEntry.pending("leave", "op-1", "school-a", OutboxAction.UNENROLL, 61, FABER_ID, null,
                                    now, now),
                            OutboxEntry.pending("join", "op-2", "school-a", OutboxAction.ENROLL, 999, FABER_ID,
                                    LocalDate.of(2006, 5, 14), now, now).retryAt(now, "INTERNAL_SERVER_ERROR", now)));
                    assertThat(context.getBean(SariOutboxHealthIndicator.class).health().getStatus())
                            .isEqualTo(Status.UP);

                    OutboxRunReport report = worker.runNow().orElseThrow();

                    assertThat(report).isEqualTo(new OutboxRunReport(2, 1, 0, 1));
                    assertThat(outbox.find("leave").orElseThrow().state()).isEqualTo(OutboxState.SUCCEEDED);
                    assertThat(outbox.find("join").orElseThrow().state()).isEqualTo(OutboxState.FAILED_PERMANENTLY);
                    List<OutboxEntryGaveUpEvent> events = context.getBean(GiveUps.class).events;
                    assertThat(events).hasSize(1);
                    assertThat(events.get(0).giveUp().entryId()).isEqualTo("join");
                    assertThat(events.get(0).tenantId()).isEqualTo("school-a");
                    assertThat(events.get(0).giveUp().errorCode()).isEqualTo(SariErrorCode.COURSE_NOT_FOUND);
                    assertThat(events.get(0).toString()).doesNotContain(FABER_ID).doesNotContain("2006-05-14");
                    assertThat(context.getBean(MeterRegistry.class).get(SariMetrics.OUTBOX_GAVE_UP)
                            .tags("action", "enroll", "code", "COURSE_NOT_FOUND").counter().count()).isEqualTo(1.0);
                });
    }

    @Test
    void theWorkerDrainsEachSchoolUnderTheSyncLockBeanAndSkipsASchoolWhileItIsSynced() {
        runner.withUserConfiguration(H2AndMeters.class)
                .withPropertyValues("sari.credentials.keys=k1:" + KEY, "sari.hosts.allow-loopback=true",
                        "sari.sync.instance-id=app-7")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(TenantStore.class).save(Tenant.of("school-a", "Fahrschule A", sari.baseUri()),
                            SariSimulator.derivedCredentials("school-a"));
                    EnrollmentOutbox outbox = context.getBean(EnrollmentOutbox.class);
                    Instant now = Instant.now();
                    outbox.add(List.of(OutboxEntry.pending("leave", "op-1", "school-a", OutboxAction.UNENROLL, 61,
                            FABER_ID, null, now, now)));
                    SyncLock lock = context.getBean(SyncLock.class);
                    Lease sync = lock.tryAcquire(SyncLock.tenantLeaseName("school-a"),
                            context.getBean(SARISyncEngine.class).holderId(), Duration.ofMinutes(5)).orElseThrow();
                    SariOutboxWorker worker = context.getBean(SariOutboxWorker.class);

                    OutboxRunReport whileSyncing = worker.runNow().orElseThrow();

                    assertThat(whileSyncing.lockedTenants()).isEqualTo(1);
                    assertThat(whileSyncing.attempted()).isZero();
                    assertThat(outbox.find("leave").orElseThrow().state()).isEqualTo(OutboxState.PENDING);
                    assertThat(context.getBean(EnrollmentService.class).holderId()).startsWith("app-7#outbox-");

                    lock.release(sync);
                    assertThat(worker.runNow().orElseThrow()).isEqualTo(new OutboxRunReport(1, 1, 0, 0));
                    assertThat(outbox.find("leave").orElseThrow().state()).isEqualTo(OutboxState.SUCCEEDED);
                });
    }

    @Test
    void aGiveUpOfAnInstanceThatStoppedMakesHealthDownWithSinceAndIsPublishedByTheNextRun() {
        runner.withUserConfiguration(H2AndMeters.class)
                .withPropertyValues("sari.credentials.keys=k1:" + KEY, "sari.hosts.allow-loopback=true",
                        "sari.health.cache-ttl=0s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    // another instance on the same database gave the entry up and stopped before telling anyone
                    SariJdbc otherInstance = SariJdbc.builder().dataSource(context.getBean(DataSource.class)).build();
                    EnrollmentOutbox theirs = otherInstance.enrollmentOutbox();
                    Instant now = Instant.now();
                    theirs.add(List.of(OutboxEntry.pending("crashed", "op-9", "school-a", OutboxAction.ENROLL, 61,
                            FABER_ID, LocalDate.of(2006, 5, 14), now, now)));
                    // a second later: the database may round the stored due time up to its precision
                    OutboxEntry claimed = theirs.claimDue(now.plusSeconds(1), Duration.ofMinutes(5), 10).get(0);
                    theirs.update(claimed.giveUp("COURSE_NOT_FOUND", now));
                    otherInstance.jdbi().useHandle(h -> h.execute("UPDATE sari_enrollment_outbox"
                            + " SET gave_up_at = DATEADD(MINUTE, -10, gave_up_at)"));
                    Instant gaveUpAt = theirs.find("crashed").orElseThrow().gaveUpAt();

                    Health health = context.getBean(SariOutboxHealthIndicator.class).health();

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("gaveUp", 1)
                            .containsEntry("gaveUpSince", gaveUpAt.toString());
                    assertThat(health.getDetails().toString()).doesNotContain(FABER_ID).doesNotContain("school-a")
                            .doesNotContain("2006-05-14");

                    OutboxRunReport report = context.getBean(SariOutboxWorker.class).runNow().orElseThrow();

                    assertThat(report.lateGiveUps()).isEqualTo(1);
                    List<OutboxEntryGaveUpEvent> events = context.getBean(GiveUps.class).events;
                    assertThat(events).extracting(e -> e.giveUp().entryId()).containsExactly("crashed");
                    assertThat(events.get(0).giveUp().gaveUpAt()).isEqualTo(gaveUpAt);
                    assertThat(context.getBean(MeterRegistry.class).get(SariMetrics.OUTBOX_GAVE_UP)
                            .tags("action", "enroll", "code", "COURSE_NOT_FOUND").counter().count()).isEqualTo(1.0);
                    assertThat(context.getBean(SariOutboxWorker.class).runNow().orElseThrow().lateGiveUps())
                            .as("told once").isZero();
                    assertThat(context.getBean(SariOutboxHealthIndicator.class).health().getStatus())
                            .as("until an operator acts on the entry").isEqualTo(Status.DOWN);
                });
    }

    @Test
    void theWorkerCanBeTurnedOffAndTheServiceStays() {
        runner.withUserConfiguration(H2AndMeters.class)
                .withPropertyValues("sari.credentials.keys=k1:" + KEY, "sari.outbox.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(EnrollmentService.class);
                    assertThat(context).doesNotHaveBean(SariOutboxWorker.class);
                });
    }

    @Test
    void withoutADurableOutboxThereIsNoServiceAndNoWorker() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(EnrollmentOutbox.class);
            assertThat(context).doesNotHaveBean(EnrollmentService.class);
            assertThat(context).doesNotHaveBean(SariOutboxWorker.class);
            assertThat(context).doesNotHaveBean(SariOutboxHealthIndicator.class);
        });
    }

    @Test
    void theOutboxSettingsAreCheckedAtStartNamingTheProperty() {
        runner.withPropertyValues("sari.outbox.batch-size=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("sari.outbox.batch-size");
        });
        runner.withPropertyValues("sari.outbox.interval=0s").run(context -> assertThat(context.getStartupFailure())
                .rootCause().hasMessageContaining("sari.outbox.interval"));
    }
}
