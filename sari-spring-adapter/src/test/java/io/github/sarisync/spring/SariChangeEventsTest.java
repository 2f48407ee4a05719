package io.github.sarisync.spring;

import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.enrollment.CourseSelection;
import io.github.sarisync.enrollment.EnrollmentService;
import io.github.sarisync.enrollment.EnrollmentStatus;
import io.github.sarisync.enrollment.Student;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.License;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.event.CourseAddedEvent;
import io.github.sarisync.spring.event.CourseChangedEvent;
import io.github.sarisync.spring.event.CourseReactivatedEvent;
import io.github.sarisync.spring.event.EnrollmentFailedEvent;
import io.github.sarisync.spring.event.MemberConfirmedEvent;
import io.github.sarisync.sync.ChangedField;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.testkit.PartSpec;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorClock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** In a Boot context, the changes a host acts on arrive as application events. */
class SariChangeEventsTest {
    private static final String KEY = AesGcmCredentialsCipher.generateKey();
    private static final String FABER_ID = "001234567";
    private static final LocalDate BIRTHDATE = LocalDate.of(2006, 5, 14);
    private static final CourseLocation HALL = new CourseLocation("Halle", "Weg 1", "8000", "Zürich");
    private static SariSimulator sari;
    private static SimulatedSchool school;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SariAutoConfiguration.class, SariOutboxAutoConfiguration.class))
            .withUserConfiguration(H2AndEvents.class)
            .withPropertyValues("sari.credentials.keys=k1:" + KEY, "sari.hosts.allow-loopback=true",
                    "sari.schedule.mode=off", "sari.outbox.enabled=false");

    @BeforeAll
    static void startSari() {
        sari = SariSimulator.start();
        sari.addStudent(new Customer(FABER_ID, BIRTHDATE, "Anna", "Muster", "Weg 2", "8000", "Zürich",
                List.of(new License("B", LocalDate.of(2030, 1, 1)))));
        school = sari.addSchool("school-a");
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Zurich")).plusDays(30).withHour(8).withMinute(0);
        school.addGroup(CourseType.VKU, "VKU März", List.of(PartSpec.of(81, "VKU Teil 1", start, HALL, 10),
                PartSpec.of(82, "VKU Teil 2", start.plusDays(1), HALL, 10)));
        school.addMember(81, FABER_ID);
    }

    @AfterAll
    static void stopSari() {
        sari.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class H2AndEvents {
        @Bean
        DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:sari-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return ds;
        }

        @Bean
        Heard heard() {
            return new Heard();
        }
    }

    static class Heard {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener({CourseReactivatedEvent.class, CourseChangedEvent.class, MemberConfirmedEvent.class,
                EnrollmentFailedEvent.class})
        void on(Object event) {
            events.add(event);
        }

        <T> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @Test
    void aPartBackOnAChangedPartAConfirmationAndAFailedEnrolmentArePublished() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(TenantStore.class).save(Tenant.of("school-a", "Fahrschule A", sari.baseUri()),
                    SariSimulator.derivedCredentials("school-a"));
            SARISyncEngine engine = context.getBean(SARISyncEngine.class);
            Heard heard = context.getBean(Heard.class);
            assertThat(engine.syncTenant("school-a").outcome()).isEqualTo(SyncOutcome.SUCCESS);
            school.setReleased(82, false);
            assertThat(engine.syncTenant("school-a").counts(CourseType.VKU).cancelled()).isOne();
            assertThat(heard.events).isEmpty();

            school.setReleased(82, true);
            school.setFreePlaces(81, 3);
            school.confirmMember(81, FABER_ID, LocalDate.of(2026, 3, 5));
            assertThat(engine.syncTenant("school-a").outcome()).isEqualTo(SyncOutcome.SUCCESS);

            assertThat(context.getBean(CourseStore.class).findCourses(CourseQuery.tenant("school-a")))
                    .as("the JDBC store holds the part as ACTIVE again").filteredOn(c -> c.partId() == 82)
                    .extracting(StoredCourse::status).containsExactly(CourseStatus.ACTIVE);
            assertThat(heard.of(CourseReactivatedEvent.class)).singleElement().satisfies(e -> {
                assertThat(e.tenantId()).isEqualTo("school-a");
                assertThat(e.change().partId()).isEqualTo(82);
                assertThat(e.change().before().status()).isEqualTo(CourseStatus.CANCELLED);
                assertThat(e.change().after().status()).isEqualTo(CourseStatus.ACTIVE);
            });
            assertThat(heard.of(CourseChangedEvent.class)).singleElement().satisfies(e -> {
                assertThat(e.change().partId()).isEqualTo(81);
                assertThat(e.changed(ChangedField.FREE_PLACES)).isTrue();
                assertThat(e.changed(ChangedField.STARTS_AT)).isFalse();
                assertThat(e.change().before().freePlaces()).isEqualTo(10);
                assertThat(e.change().after().freePlaces()).isEqualTo(3);
            });
            assertThat(heard.of(MemberConfirmedEvent.class)).singleElement().satisfies(e -> {
                assertThat(e.member().partId()).isEqualTo(81);
                assertThat(e.member().confirmedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
                assertThat(e.toString()).doesNotContain(FABER_ID).doesNotContain("Anna");
            });

            var failed = context.getBean(EnrollmentService.class).enroll("school-a", Student.of(FABER_ID, BIRTHDATE),
                    CourseSelection.parts(CourseType.VKU, List.of(new Course(999, "VKU Teil 1",
                            LocalDateTime.now().plusDays(40).atZone(ZoneId.of("Europe/Zurich")), HALL, 5))));

            assertThat(failed.status()).isEqualTo(EnrollmentStatus.FAILED);
            assertThat(heard.of(EnrollmentFailedEvent.class)).singleElement().satisfies(e -> {
                assertThat(e.tenantId()).isEqualTo("school-a");
                assertThat(e.failure().result()).isEqualTo(failed);
                assertThat(e.failure().result().part(999).orElseThrow().errorCode()).isEqualTo("COURSE_NOT_FOUND");
                assertThat(e.toString()).doesNotContain("1234567").doesNotContain("2006-05-14");
            });
        });
    }

    @Test
    void aPartBackOnAfterItsStartHadPassedIsPublishedAsReactivatedAndNotAsAdded() {
        SimulatorClock clock = SimulatorClock.fixed(LocalDateTime.of(2026, 3, 2, 9, 0));
        try (SariSimulator late = SariSimulator.builder().clock(clock).start()) {
            SimulatedSchool moved = late.addSchool("school-b");
            LocalDateTime start = clock.localNow().plusDays(1).withHour(18);
            moved.addGroup(CourseType.VKU, "VKU Mai", List.of(PartSpec.of(91, "VKU Teil 1", start, HALL, 10),
                    PartSpec.of(92, "VKU Teil 2", start.plusDays(3), HALL, 10),
                    PartSpec.of(93, "VKU Teil 3", start.plusDays(5), HALL, 10)));
            runner.withBean(Clock.class, () -> clock).withBean(HeardAdded.class).run(context -> {
                context.getBean(TenantStore.class).save(Tenant.of("school-b", "Fahrschule B", late.baseUri()),
                        SariSimulator.derivedCredentials("school-b"));
                SARISyncEngine engine = context.getBean(SARISyncEngine.class);
                assertThat(engine.syncTenant("school-b").outcome()).isEqualTo(SyncOutcome.SUCCESS);
                Instant firstSeen = clock.instant();
                moved.setReleased(91, false);
                clock.advance(Duration.ofMinutes(10));
                assertThat(engine.syncTenant("school-b").counts(CourseType.VKU).cancelled()).isOne();
                clock.advance(Duration.ofDays(2));
                assertThat(engine.syncTenant("school-b").outcome()).isEqualTo(SyncOutcome.SUCCESS);
                context.getBean(HeardAdded.class).added.clear();

                moved.moveStart(91, start.plusDays(8));
                moved.setReleased(91, true);
                clock.advance(Duration.ofMinutes(10));
                assertThat(engine.syncTenant("school-b").outcome()).isEqualTo(SyncOutcome.SUCCESS);

                assertThat(context.getBean(Heard.class).of(CourseReactivatedEvent.class)).singleElement()
                        .satisfies(e -> {
                            assertThat(e.change().partId()).isEqualTo(91);
                            assertThat(e.change().before().status()).isEqualTo(CourseStatus.CANCELLED);
                            assertThat(e.change().changed()).contains(ChangedField.STARTS_AT);
                            assertThat(e.change().after().firstSeenAt()).isEqualTo(firstSeen);
                        });
                assertThat(context.getBean(HeardAdded.class).added).isEmpty();
                assertThat(context.getBean(CourseStore.class).findCourses(CourseQuery.tenant("school-b")))
                        .filteredOn(c -> c.partId() == 91).extracting(StoredCourse::status, StoredCourse::firstSeenAt)
                        .containsExactly(tuple(CourseStatus.ACTIVE, firstSeen));
            });
        }
    }

    static class HeardAdded {
        final List<CourseAddedEvent> added = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CourseAddedEvent event) {
            added.add(event);
        }
    }
}
