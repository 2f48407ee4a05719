package io.github.sarisync.examples.chaos;

import io.github.sarisync.examples.harness.HarnessDatabase;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 1 in small: faults of every kind and changing data, and nothing is lost. */
class FaultsScenarioTest {

    @Test
    void afterRoundsWithFaultsAndOneCleanRoundTheDatabaseMirrorsTheSimulator() {
        StringWriter progress = new StringWriter();
        FaultsResult result;
        try (HarnessDatabase database = HarnessDatabase.open("h2", 14)) {
            result = new FaultsScenario(new FaultsConfig(12, 5, 0.20, 7, 12), new PrintWriter(progress))
                    .run(database);
        }

        assertThat(result.faults()).as(progress.toString()).isGreaterThan(result.requests() / 10);
        assertThat(result.failedTenantRuns() + result.partialTenantRuns()).as(progress.toString()).isPositive();
        assertThat(result.partsChecked()).isGreaterThan(12 * 8);
        assertThat(result.membersChecked()).isPositive();
        assertThat(result.mismatches().examples()).as(progress.toString()).isEmpty();
        assertThat(result.mismatches().count()).isZero();
        assertThat(result.duplicates().count()).isZero();
        assertThat(result.lostRuns().examples()).as(progress.toString()).isEmpty();
        assertThat(result.lostRuns().count()).isZero();
    }
}
