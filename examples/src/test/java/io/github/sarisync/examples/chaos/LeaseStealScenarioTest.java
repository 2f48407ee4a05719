package io.github.sarisync.examples.chaos;

import io.github.sarisync.examples.harness.HarnessDatabase;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.testkit.ForwardingCourseStore;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The "lease stolen mid-run" round in small: nothing a frozen engine writes after losing its lease lands. */
class LeaseStealScenarioTest {

    @Test
    void onPostgresAnEngineFrozenInsideItsWriteWritesNothingAfterAnotherTookItsLease() {
        StringWriter progress = new StringWriter();
        LeaseStealResult result;
        try (HarnessDatabase database = HarnessDatabase.open("postgres", 6)) {
            result = new LeaseStealScenario(3, 11, new PrintWriter(progress)).run(database);
        }

        assertThat(result.problems().examples()).as(progress.toString()).isEmpty();
        assertThat(result.steals()).isEqualTo(3);
        assertThat(result.staleWrites().examples()).as(progress.toString()).isEmpty();
        assertThat(result.refusedWrites()).isEqualTo(3);
        assertThat(result.leaseLostRuns()).isEqualTo(3);
        assertThat(result.line()).contains(" stale_writes=0 ");
    }

    @Test
    void theRoundSeesAStaleWriteWhenTheFrozenEnginesWritesDoNotCarryTheLease() {
        StringWriter progress = new StringWriter();
        LeaseStealResult result;
        try (HarnessDatabase database = HarnessDatabase.open("h2", 4)) {
            result = new LeaseStealScenario(2, 11, new PrintWriter(progress), Unfenced::new).run(database);
        }

        assertThat(result.problems().examples()).as(progress.toString()).isEmpty();
        assertThat(result.staleWrites().count()).isEqualTo(2);
        assertThat(result.staleWrites().examples()).allSatisfy(example ->
                assertThat(example).contains("free places of the run that had lost its lease"));
    }

    /** A course store that drops the lease from every apply, as the library did before leases fenced. */
    private static final class Unfenced extends ForwardingCourseStore {
        Unfenced(CourseStore store) {
            super(store);
        }

        @Override
        public void apply(ChangeSet changes, Lease lease) {
            super.apply(changes, null);
        }
    }
}
