package io.github.sarisync.examples.chaos;

import io.github.sarisync.examples.harness.HarnessDatabase;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 4 in small: three engines on one PostgreSQL never sync a tenant at once, and once per interval. */
class ConcurrentScenarioTest {

    @Test
    void threeEnginesOnOnePostgresSyncEveryTenantOncePerIntervalAndNeverTwiceAtOnce() {
        StringWriter progress = new StringWriter();
        ConcurrentResult result;
        try (HarnessDatabase database = HarnessDatabase.open("postgres", 6)) {
            result = new ConcurrentScenario(new ConcurrentConfig(3, 10, Duration.ofSeconds(8), Duration.ofSeconds(2),
                    3, 4), new PrintWriter(progress)).run(database);
        }

        assertThat(result.syncs()).as(progress.toString()).isGreaterThanOrEqualTo(10 * 3);
        assertThat(result.runs()).isGreaterThan(result.syncs());
        assertThat(result.overlaps().examples()).as(progress.toString()).isEmpty();
        assertThat(result.skippedIntervals().examples()).as(progress.toString()).isEmpty();
        assertThat(result.doubleSyncs().examples()).as(progress.toString()).isEmpty();
        assertThat(result.missingRuns().examples()).as(progress.toString()).isEmpty();
        assertThat(result.lostRuns()).isZero();
        assertThat(result.mismatches().examples()).as(progress.toString()).isEmpty();
        assertThat(result.duplicates().count()).isZero();
    }
}
