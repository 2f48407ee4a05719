package io.github.sarisync.examples.cli;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronScheduleTest {
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(ZURICH);
    }

    @Test
    void everyFifteenMinutesDuringTheDay() {
        CronSchedule cron = CronSchedule.parse("*/15 6-22 * * *");

        assertThat(cron.next(at("2026-03-02T10:07"))).isEqualTo(at("2026-03-02T10:15"));
        assertThat(cron.next(at("2026-03-02T10:15"))).as("strictly after").isEqualTo(at("2026-03-02T10:30"));
        assertThat(cron.next(at("2026-03-02T22:50"))).isEqualTo(at("2026-03-03T06:00"));
    }

    @Test
    void weekdaysOnlySkipTheWeekend() {
        CronSchedule cron = CronSchedule.parse("0 7 * * 1-5");

        assertThat(cron.next(at("2026-03-06T08:00"))).as("Friday after 7:00 -> Monday")
                .isEqualTo(at("2026-03-09T07:00"));
    }

    @Test
    void sundayIsZeroOrSeven() {
        assertThat(CronSchedule.parse("30 2 * * 7").next(at("2026-03-02T00:00")))
                .isEqualTo(CronSchedule.parse("30 2 * * 0").next(at("2026-03-02T00:00")))
                .isEqualTo(at("2026-03-08T02:30"));
    }

    @Test
    void whenBothDayFieldsAreRestrictedEitherMatches() {
        CronSchedule cron = CronSchedule.parse("0 0 1 * 1");

        assertThat(cron.next(at("2026-03-02T00:00"))).as("next Monday comes before the 1st")
                .isEqualTo(at("2026-03-09T00:00"));
    }

    @Test
    void badExpressionsNameTheField() {
        assertThatThrownBy(() -> CronSchedule.parse("* * *")).hasMessageContaining("must have 5 fields");
        assertThatThrownBy(() -> CronSchedule.parse("61 * * * *"))
                .hasMessage("cron minute field '61': '61' is not a number from 0 to 59");
        assertThatThrownBy(() -> CronSchedule.parse("0 20-6 * * *")).hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 31 2 *").next(at("2026-01-01T00:00")))
                .hasMessageContaining("never due");
    }
}
