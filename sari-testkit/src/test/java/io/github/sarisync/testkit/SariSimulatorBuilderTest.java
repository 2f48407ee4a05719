package io.github.sarisync.testkit;

import io.github.sarisync.model.CourseLocation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting, settings and the simulator clock. */
class SariSimulatorBuilderTest {

    @Test
    void startsOnALoopbackPortAndStopsOnClose() {
        SariSimulator sari = SariSimulator.start();
        try {
            assertThat(sari.baseUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(sari.baseUri().getPort()).isPositive();
            SimulatedSchool school = sari.addSchool("s");
            assertThat(new RawSari(sari).passwordGrant(school.credentials()).statusCode()).isEqualTo(200);
        } finally {
            sari.close();
        }
        assertThatThrownBy(() -> new RawSari(sari).get("/oauth/v2/token", null)).isInstanceOf(Exception.class);
    }

    @Test
    void invalidSettingsAreNamedAtStart() {
        assertThatThrownBy(() -> SariSimulator.builder().tokenLifetime(Duration.ZERO).start())
                .hasMessageContaining("tokenLifetime");
        assertThatThrownBy(() -> SariSimulator.builder().latency(Duration.ofMillis(-1)).start())
                .hasMessageContaining("latency");
        assertThatThrownBy(() -> SariSimulator.builder().fairUseLimit(-1).start()).hasMessageContaining("fairUseLimit");
        assertThatThrownBy(() -> SariSimulator.builder().threads(0).start()).hasMessageContaining("threads");
        assertThatThrownBy(() -> SariSimulator.builder().coursesForm(null).start()).hasMessageContaining("coursesForm");
    }

    @Test
    void partSpecsAreValidated() {
        CourseLocation where = SimFixtures.LOCATION;
        LocalDateTime when = SimFixtures.PART_1;
        assertThatThrownBy(() -> PartSpec.of(0, "x", when, where, 1)).hasMessageContaining("id");
        assertThatThrownBy(() -> PartSpec.of(1, " ", when, where, 1)).hasMessageContaining("name");
        assertThatThrownBy(() -> PartSpec.of(1, "x", null, where, 1)).hasMessageContaining("start");
        assertThatThrownBy(() -> PartSpec.of(1, "x", when, null, 1)).hasMessageContaining("location");
        assertThatThrownBy(() -> PartSpec.of(1, "x", when, where, -1)).hasMessageContaining("freePlaces");
    }

    @Test
    void fixedClockStandsStillUntilAdvancedOrSet() {
        SimulatorClock clock = SimulatorClock.fixed(LocalDateTime.of(2026, 3, 2, 8, 0));
        Instant start = clock.instant();

        assertThat(clock.instant()).isEqualTo(start);
        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.localNow()).isEqualTo(LocalDateTime.of(2026, 3, 2, 8, 5));
        clock.set(LocalDateTime.of(2026, 7, 1, 12, 0));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
        assertThat(clock.withZone(java.time.ZoneOffset.UTC).instant()).isEqualTo(clock.instant());
    }

    @Test
    void systemClockTracksRealTimeWithItsOffset() {
        SimulatorClock clock = SimulatorClock.system();
        clock.advance(Duration.ofDays(1));

        assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofHours(23)));
    }
}
