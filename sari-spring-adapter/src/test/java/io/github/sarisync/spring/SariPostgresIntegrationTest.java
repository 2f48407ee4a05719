package io.github.sarisync.spring;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.jdbc.JdbcTenantStore;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.actuate.SariActuatorAutoConfiguration;
import io.github.sarisync.spring.actuate.SariEndpoint;
import io.github.sarisync.spring.actuate.SariHealthIndicator;
import io.github.sarisync.spring.event.CourseAddedEvent;
import io.github.sarisync.spring.event.MemberAddedEvent;
import io.github.sarisync.spring.event.TenantSyncFailedEvent;
import io.github.sarisync.spring.metrics.SariMetrics;
import io.github.sarisync.spring.metrics.SariMetricsAutoConfiguration;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole adapter as a host gets it, on a real PostgreSQL (one embedded server for the class,
 * a database per test) and the testkit's SARI simulator with two generated schools.
 */
class SariPostgresIntegrationTest {
    private static final SariCredentials SCHOOL_A = SariSimulator.derivedCredentials("school-0");
    private static final SariCredentials SCHOOL_B = SariSimulator.derivedCredentials("school-1");
    /** Each school: one VKU course of 4 parts and one PGS course of 2, one student per part. */
    private static final int PARTS_PER_SCHOOL = 6;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String KEY = AesGcmCredentialsCipher.generateKey();

    private static EmbeddedPostgres postgres;
    private static SariSimulator sari;

    private DataSource database;

    @BeforeAll
    static void startServers() throws Exception {
        postgres = EmbeddedPostgres.start();
        sari = SariSimulator.start();
        SchoolGenerator.builder().schools(2).vku(1, 4).pgs(1, 2).membersPerPart(1).seed(3).build().populate(sari);
    }

    @AfterAll
    static void stopServers() throws Exception {
        sari.close();
        postgres.close();
    }

    @BeforeEach
    void newDatabase() throws SQLException {
        String name = "sari_spring_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        database = postgres.getDatabase("postgres", name);
    }

    /** What a host's listeners would see. */
    static class Events {
        final List<Object> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(Object event) {
            if (event.getClass().getPackageName().equals(CourseAddedEvent.class.getPackageName())) {
                received.add(event);
            }
        }

        long count(Class<?> type) {
            return received.stream().filter(type::isInstance).count();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Host {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Events events() {
            return new Events();
        }
    }

    private ApplicationContextRunner host(String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SariAutoConfiguration.class,
                        SariActuatorAutoConfiguration.class, SariMetricsAutoConfiguration.class))
                .withUserConfiguration(Host.class)
                .withBean(DataSource.class, () -> database)
                .withPropertyValues("sari.credentials.keys=k1:" + KEY, "sari.jdbc.initialize-schema=always",
                        "sari.schedule.mode=off", "sari.client.rate-limit.enabled=false",
                        "sari.client.retry.max-retries=0", "management.endpoints.web.exposure.include=sari",
                        "sari.hosts.allow-loopback=true")
                .withPropertyValues(properties);
    }

    @Test
    void aRunSyncsEverySchoolIntoPostgresAndShowsInHealthEndpointMetricsAndEvents() {
        host().run(context -> {
            assertThat(context).hasNotFailed();
            TenantStore tenants = context.getBean(TenantStore.class);
            assertThat(tenants).isInstanceOf(JdbcTenantStore.class);
            tenants.save(Tenant.of("school-a", "Fahrschule A", sari.baseUri()), SCHOOL_A);
            tenants.save(Tenant.of("school-b", "Fahrschule B", sari.baseUri()), SCHOOL_B);

            SyncReport report = context.getBean(SariSyncJob.class).runNow().orElseThrow();

            assertThat(report.success()).isTrue();
            assertThat(report.tenantsProcessed()).isEqualTo(2);
            assertThat(report.total().inserted()).isEqualTo(2 * PARTS_PER_SCHOOL);
            CourseStore courses = context.getBean(CourseStore.class);
            assertThat(courses.findCourses(CourseQuery.tenant("school-a"))).hasSize(PARTS_PER_SCHOOL);
            assertThat(count("select count(*) from sari_courses")).isEqualTo(2 * PARTS_PER_SCHOOL);
            assertThat(column("select credentials from sari_tenants where id = 'school-a'"))
                    .doesNotContain(SCHOOL_A.password(), SCHOOL_A.clientSecret());

            Events events = context.getBean(Events.class);
            assertThat(events.count(CourseAddedEvent.class)).isEqualTo(2 * PARTS_PER_SCHOOL);
            assertThat(events.count(MemberAddedEvent.class)).isEqualTo(2 * PARTS_PER_SCHOOL);
            assertThat(events.count(TenantSyncFailedEvent.class)).isZero();

            Health health = context.getBean(SariHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);

            SariEndpoint.Overview overview = context.getBean(SariEndpoint.class).overview(null, null, null);
            assertThat(overview.tenants()).extracting(SariEndpoint.TenantView::lastOutcome)
                    .containsExactly("SUCCEEDED", "SUCCEEDED");
            assertThat(overview.recentRuns()).extracting(SariEndpoint.RunView::status)
                    .containsOnly("SUCCEEDED").hasSize(2);
            assertThat(overview.toString()).doesNotContain(SCHOOL_A.password(), SCHOOL_A.clientSecret());

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get(SariMetrics.RUNS).tag("outcome", "success").counter().count()).isEqualTo(2);
            assertThat(meters.get(SariMetrics.RUN_DURATION).tag("outcome", "success").timer().count()).isEqualTo(2);
            assertThat(meters.get(SariMetrics.REQUESTS).tag("status", "OK").counters()).isNotEmpty();
            assertThat(meters.get(SariMetrics.LAST_SUCCESS_AGE).gauge().value()).isGreaterThanOrEqualTo(0.0);
        });
    }

    @Test
    void aSchoolWithRefusedCredentialsFailsAloneAndTurnsTheHealthDown() {
        SariCredentials wrong = new SariCredentials(SCHOOL_B.clientId(), SCHOOL_B.clientSecret(), SCHOOL_B.username(),
                "not-the-password");
        host("sari.health.max-consecutive-failures=1").run(context -> {
            TenantStore tenants = context.getBean(TenantStore.class);
            tenants.save(Tenant.of("school-a", "Fahrschule A", sari.baseUri()), SCHOOL_A);
            tenants.save(Tenant.of("school-b", "Fahrschule B", sari.baseUri()), wrong);

            SyncReport report = context.getBean(SariSyncJob.class).runNow().orElseThrow();

            assertThat(report.success()).isFalse();
            assertThat(report.failedTenants()).singleElement()
                    .satisfies(f -> assertThat(f.tenantId()).isEqualTo("school-b"));
            assertThat(report.results()).filteredOn(r -> r.tenantId().equals("school-a"))
                    .extracting(TenantSyncResult::outcome).containsExactly(SyncOutcome.SUCCESS);
            Events events = context.getBean(Events.class);
            assertThat(events.received).filteredOn(TenantSyncFailedEvent.class::isInstance)
                    .map(e -> ((TenantSyncFailedEvent) e).tenantId()).containsExactly("school-b");

            Health health = context.getBean(SariHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("failingTenants")).asList().singleElement()
                    .satisfies(t -> assertThat(((Map<?, ?>) t).get("id")).isEqualTo("school-b"));
            assertThat(health.toString()).doesNotContain(wrong.password(), wrong.clientSecret());
            assertThat(context.getBean(MeterRegistry.class).get(SariMetrics.RUNS).tag("outcome", "failed")
                    .counter().count()).isEqualTo(1);
        });
    }

    /** Holds its instance's tenant run (lease taken, course list fetched) until released, as a slow sync would. */
    static final class Holding implements SyncListener {
        static final CountDownLatch ENTERED = new CountDownLatch(1);
        static final CountDownLatch RELEASE = new CountDownLatch(1);

        @Override
        public void typeFetched(String tenantId, CourseType type, int parts, int rejected) {
            ENTERED.countDown();
            try {
                RELEASE.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void twoInstancesOnOneDatabaseNeverSyncTheSameSchoolAtOnce() {
        ApplicationContextRunner first = host("sari.sync.instance-id=first")
                .withBean(Holding.class, Holding::new);
        ApplicationContextRunner second = host("sari.sync.instance-id=second");
        first.run(one -> {
            one.getBean(TenantStore.class).save(Tenant.of("school-a", "Fahrschule A", sari.baseUri()), SCHOOL_A);
            CompletableFuture<SyncReport> running = one.getBean(SariSyncJob.class).runAsync().orElseThrow();
            assertThat(Holding.ENTERED.await(60, TimeUnit.SECONDS)).isTrue();

            second.run(two -> {
                SyncReport report = two.getBean(SariSyncJob.class).runNow().orElseThrow();
                assertThat(report.results()).singleElement().satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo(SyncOutcome.SKIPPED);
                    assertThat(r.errorCode()).isEqualTo("LOCKED");
                });
            });

            Holding.RELEASE.countDown();
            assertThat(running.get(60, TimeUnit.SECONDS).results()).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isEqualTo(SyncOutcome.SUCCESS));
        });
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String column(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
