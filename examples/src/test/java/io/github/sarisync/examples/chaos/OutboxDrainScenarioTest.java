package io.github.sarisync.examples.chaos;

import io.github.sarisync.examples.harness.HarnessDatabase;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox round in small: three workers drain one outbox on PostgreSQL while SARI answers later than
 * their claim lease; every change reaches SARI exactly once.
 */
class OutboxDrainScenarioTest {

    @Test
    void threeWorkersDrainingOneOutboxAgainstASariSlowerThanTheLeaseSendEveryEntryOnceAndDropNone() {
        StringWriter progress = new StringWriter();
        OutboxDrainConfig config = new OutboxDrainConfig(3, 9, Duration.ofMillis(500), Duration.ofMillis(750), 7);
        OutboxDrainResult result;
        try (HarnessDatabase database = HarnessDatabase.open("postgres", 4)) {
            result = new OutboxDrainScenario(config, new PrintWriter(progress)).run(database);
        }

        assertThat(result.dropped().examples()).as(result.line()).isEmpty();
        assertThat(result.doubleSends()).as(result.line()).isZero();
        assertThat(result.sends()).as(result.line()).isEqualTo(9);
    }
}
