package io.github.sarisync.testkit;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.model.CourseType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.sarisync.testkit.RawSari.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The expired-token fault, and the counters of injected faults. */
class SimulatorExpiredTokenFaultTest {
    private SariSimulator sari;
    private SimulatedSchool school;
    private RawSari raw;

    @BeforeEach
    void start() {
        sari = SimFixtures.builder().start();
        school = SimFixtures.populate(sari);
        raw = new RawSari(sari);
    }

    @AfterEach
    void stop() {
        sari.close();
    }

    @Test
    void anExpiredTokenFaultAnswers401AndTheTokenStaysInvalid() {
        String token = raw.token(school.credentials());
        sari.inject(FaultRule.of(Fault.expiredToken()));

        assertThat(raw.api("/courses/VKU", token).statusCode()).isEqualTo(401);
        assertThat(raw.api("/courses/VKU", token).statusCode()).isEqualTo(401);
        String renewed = raw.token(school.credentials());
        assertThat(status(raw.api("/courses/VKU", renewed))).isEqualTo("OK");
    }

    @Test
    void anExpiredTokenFaultLeavesTokenRequestsAlone() {
        sari.inject(FaultRule.of(Fault.expiredToken()));

        String token = raw.token(school.credentials());

        assertThat(raw.api("/courses/VKU", token).statusCode()).isEqualTo(401);
        assertThat(sari.stats().faults(Fault.Kind.EXPIRED_TOKEN)).isEqualTo(1);
    }

    @Test
    void theClientRenewsItsTokenOnceAfterAnExpiredTokenFault() {
        SARIClient client = SARIClient.builder().baseUri(sari.baseUri()).credentials(school.credentials()).build();
        client.courses(CourseType.VKU);
        sari.inject(FaultRule.of(Fault.expiredToken()).operation(Operation.COURSES));

        assertThat(client.courses(CourseType.VKU)).isNotEmpty();
        assertThat(sari.stats().requests(Operation.COURSES)).isEqualTo(3);
    }

    @Test
    void everyInjectedFaultIsCountedByKindUntilReset() {
        String token = raw.token(school.credentials());
        sari.inject(FaultRule.of(Fault.httpStatus(503)).times(2));
        sari.inject(FaultRule.of(Fault.tooManyRequests(Duration.ofSeconds(1))));

        raw.api("/courses/VKU", token);
        raw.api("/courses/VKU", token);
        raw.api("/courses/VKU", token);
        raw.api("/courses/VKU", token);

        SimulatorStats stats = sari.stats();
        assertThat(stats.faults()).isEqualTo(3);
        assertThat(stats.faults(Fault.Kind.HTTP_STATUS)).isEqualTo(2);
        assertThat(stats.faults(Fault.Kind.TOO_MANY_REQUESTS)).isEqualTo(1);
        assertThat(stats.total()).isEqualTo(5);
        sari.resetCounters();
        assertThat(sari.stats().faults()).isZero();
    }
}
