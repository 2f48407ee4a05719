package io.github.sarisync.testkit;

import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import java.util.List;

import static io.github.sarisync.testkit.RawSari.result;
import static io.github.sarisync.testkit.RawSari.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data generator: shape, determinism, usable credentials and members, and 10,000 schools in little memory. */
class SchoolGeneratorTest {
    private static final Logger LOG = LoggerFactory.getLogger(SchoolGeneratorTest.class);

    @Test
    void eachSchoolGetsTheConfiguredGroupsPartsAndMembers() {
        try (SariSimulator sari = SimFixtures.builder().start()) {
            List<SimulatedSchool> schools = SchoolGenerator.builder().schools(3).vku(2, 4).pgs(1, 2)
                    .membersPerPart(3).build().populate(sari);

            assertThat(schools).extracting(SimulatedSchool::id).containsExactly("school-0", "school-1", "school-2");
            SimulatedSchool school = sari.school(1);
            List<CourseGroup> vku = school.courses(CourseType.VKU);
            assertThat(vku).hasSize(2).allSatisfy(g -> assertThat(g.courses()).hasSize(4));
            assertThat(school.courses(CourseType.PGS)).singleElement()
                    .satisfies(g -> assertThat(g.courses()).hasSize(2));
            long partId = vku.get(0).courses().get(0).id();
            assertThat(school.members(partId)).hasSize(3)
                    .allSatisfy(m -> assertThat(m.faberId()).hasSize(9));
        }
    }

    @Test
    void sameSeedGivesTheSameData() {
        try (SariSimulator a = SimFixtures.builder().start(); SariSimulator b = SimFixtures.builder().start()) {
            SchoolGenerator generator = SchoolGenerator.builder().schools(20).seed(7).build();
            generator.populate(a);
            generator.populate(b);

            for (int i = 0; i < 20; i++) {
                for (CourseType type : CourseType.values()) {
                    assertThat(a.school(i).courses(type)).isEqualTo(b.school(i).courses(type));
                }
                long part = a.school(i).courses(CourseType.VKU).get(0).courses().get(0).id();
                assertThat(a.school(i).members(part)).isEqualTo(b.school(i).members(part));
            }
        }
    }

    @Test
    void anotherSeedGivesOtherData() {
        try (SariSimulator a = SimFixtures.builder().start(); SariSimulator b = SimFixtures.builder().start()) {
            SchoolGenerator.builder().schools(5).seed(1).build().populate(a);
            SchoolGenerator.builder().schools(5).seed(2).build().populate(b);

            assertThat(a.school(0).courses(CourseType.VKU)).isNotEqualTo(b.school(0).courses(CourseType.VKU));
        }
    }

    @Test
    void generatedSchoolsLogInWithTheirDerivedCredentialsAndTheirMembersAreRegisteredStudents() {
        try (SariSimulator sari = SimFixtures.builder().start()) {
            SchoolGenerator.builder().schools(2).build().populate(sari);
            SimulatedSchool school = sari.school("school-1");
            assertThat(school.credentials()).isEqualTo(SariSimulator.derivedCredentials("school-1"));
            RawSari raw = new RawSari(sari);
            String token = raw.token(school.credentials());

            assertThat(result(raw.api("/courses/VKU", token))).hasSize(6);
            long part = school.courses(CourseType.VKU).get(0).courses().get(0).id();
            CourseMember member = school.members(part).get(0);
            assertThat(status(raw.api("/customer/" + member.faberId() + "/" + member.birthdate(), token)))
                    .isEqualTo("OK");
        }
    }

    @Test
    void generatingOverExistingIdsIsRefused() {
        try (SariSimulator sari = SimFixtures.builder().start()) {
            SchoolGenerator generator = SchoolGenerator.builder().schools(1).build();
            generator.populate(sari);

            assertThatThrownBy(() -> generator.populate(sari)).hasMessageContaining("school-0");
            assertThatThrownBy(() -> SchoolGenerator.builder().schools(-1).build()).hasMessageContaining("schools");
        }
    }

    @Test
    void tenThousandSchoolsFitInLittleMemory() {
        try (SariSimulator sari = SimFixtures.builder().start()) {
            long before = usedHeap();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            SchoolGenerator.builder().schools(10_000).seed(3).build().populate(sari);
            long millis = (System.nanoTime() - started) / 1_000_000;
            long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
            long after = usedHeap();
            long megabytes = (after - before) / (1024 * 1024);
            LOG.info("generated 10,000 schools (300,000 parts, 1,500,000 members, {} students) in {} ms"
                    + " ({} ms CPU), retained heap about {} MB", sari.studentCount(), millis, cpuMillis, megabytes);

            assertThat(sari.schoolCount()).isEqualTo(10_000);
            assertThat(sari.school(9_999).courses(CourseType.VKU)).hasSize(6);
            assertThat(megabytes).isLessThan(400);
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
