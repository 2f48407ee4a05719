package io.github.sarisync.jdbc;

import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.TenantRunStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator conveniences of the run log: windows and retention measured by the configured clock. */
class MonitoringTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private final TestDatabase db = TestDatabase.h2();
    private final JdbcSyncLogStore log = SariJdbc.builder().hostPolicy(SariSimulator.hostPolicy())
            .jdbi(db.jdbc().jdbi())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().syncLogStore();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void statsOverTheLast24HoursCountOnlyRunsStartedInThatWindow() {
        log.finished(run("yesterday-early", "tenant-a", Duration.ofHours(25), RunStatus.FAILED));
        log.finished(run("this-morning", "tenant-a", Duration.ofHours(3), RunStatus.SUCCEEDED));
        log.finished(run("an-hour-ago", "tenant-a", Duration.ofHours(1), RunStatus.FAILED));

        assertThat(log.stats(Duration.ofHours(24))).containsExactly(new TenantRunStats("tenant-a", 1, 0, 1, 0, 0));
    }

    @Test
    void purgeOlderThanKeepsTheRetentionWindow() {
        log.finished(run("old", "tenant-a", Duration.ofDays(31), RunStatus.SUCCEEDED));
        log.finished(run("recent", "tenant-a", Duration.ofDays(29), RunStatus.SUCCEEDED));

        assertThat(log.purgeOlderThan(Duration.ofDays(30))).isEqualTo(1);
        assertThat(log.recentRuns(null, 10)).extracting(SyncRun::runId).containsExactly("recent");
    }

    @Test
    void runsSilentForLongerThanTheGivenTimeAreAbandonedNow() {
        log.started(SyncRun.started("silent", "tenant-a", SyncRun.SYNC, SyncTrigger.SCHEDULED,
                NOW.minus(Duration.ofMinutes(20))));
        log.started(SyncRun.started("alive", "tenant-b", SyncRun.SYNC, SyncTrigger.SCHEDULED,
                NOW.minus(Duration.ofMinutes(2))));

        assertThat(log.markAbandoned(Duration.ofMinutes(10))).isEqualTo(1);
        assertThat(log.recentRuns("tenant-a", 1)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.ABANDONED);
            assertThat(r.finishedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void longErrorMessagesAreCutInsteadOfFailingTheLogWrite() {
        SyncRun failed = SyncRun.started("run-1", "tenant-a", SyncRun.SYNC, SyncTrigger.MANUAL, NOW)
                .finish(RunStatus.FAILED, NOW, SyncCounts.ZERO, "UNKNOWN", "x".repeat(5000), "d".repeat(9000));

        log.finished(failed);

        SyncRun stored = log.recentRuns("tenant-a", 1).get(0);
        assertThat(stored.errorMessage()).hasSize(2000).endsWith("\u2026");
        assertThat(stored.detail()).hasSize(4000);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> log.recentRuns(null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    private static SyncRun run(String id, String tenant, Duration ago, RunStatus status) {
        Instant start = NOW.minus(ago);
        return SyncRun.started(id, tenant, SyncRun.SYNC, SyncTrigger.SCHEDULED, start)
                .finish(status, start.plusSeconds(5), SyncCounts.ZERO, null, null, null);
    }
}
