package io.github.sarisync.jdbc.outbox;

import io.github.sarisync.jdbc.Dialect;
import io.github.sarisync.jdbc.EmbeddedPostgresServer;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.OutboxSummary;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database an older release set up gets the newer outbox columns: the claim columns (V3) from the schema
 * installer, and the give-up stamp (V5) from the installer or the Flyway migration, with the entries that
 * release gave up on stamped at their last write.
 */
class OutboxSchemaUpgradeTest {
    private static final Instant UPDATED = Instant.parse("2026-01-01T07:00:00Z");

    @Test
    void theSchemaInstallerAddsTheClaimColumnsToAnOlderOutboxTableAndKeepsItsEntries() {
        JdbcDataSource dataSource = OutboxDatabases.newH2();
        SariJdbc old = OutboxDatabases.installedByFirstMigrations(dataSource, Dialect.H2, 2);
        insert(old, "e1", "PENDING", 1);

        EnrollmentOutbox upgraded = OutboxDatabases.installedBySariJdbc(dataSource, Dialect.H2).enrollmentOutbox();

        OutboxEntry kept = upgraded.find("e1").orElseThrow();
        assertThat(kept.attempts()).isEqualTo(1);
        assertThat(kept.claimToken()).isNull();
        assertThat(kept.inFlight()).isFalse();
        List<OutboxEntry> claimed = upgraded.claimDue(Instant.parse("2026-01-02T00:00:00Z"), Duration.ofMinutes(5), 10);
        assertThat(claimed).extracting(OutboxEntry::id).containsExactly("e1");
        assertThat(upgraded.update(claimed.get(0).finish(OutboxState.SUCCEEDED, null, Instant.now()))).isTrue();
        shutdown(dataSource);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theSchemaInstallerStampsTheGiveUpsOfAnOlderReleaseAtTheirLastWriteAsAnnounced(Dialect dialect) {
        upgradesGiveUps(dialect, OutboxDatabases::installedBySariJdbc);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theV5MigrationStampsTheGiveUpsOfAnOlderReleaseAtTheirLastWriteAsAnnounced(Dialect dialect) {
        upgradesGiveUps(dialect, (dataSource, d) -> OutboxDatabases.upgradedByLaterMigrations(dataSource, d, 4));
    }

    /** A V1-V4 database with a retried give-up, a live refusal and a pending entry, upgraded by {@code upgrade}. */
    private static void upgradesGiveUps(Dialect dialect, BiFunction<DataSource, Dialect, SariJdbc> upgrade) {
        try (Upgradable db = Upgradable.of(dialect)) {
            SariJdbc old = OutboxDatabases.installedByFirstMigrations(db.dataSource(), dialect, 4);
            insert(old, "given-up", "FAILED_PERMANENTLY", 12);
            insert(old, "refused-live", "FAILED_PERMANENTLY", 1);
            insert(old, "pending", "PENDING", 3);

            SariJdbc upgraded = upgrade.apply(db.dataSource(), dialect);
            EnrollmentOutbox outbox = upgraded.enrollmentOutbox();

            OutboxEntry givenUp = outbox.find("given-up").orElseThrow();
            assertThat(givenUp.gaveUpAt()).isEqualTo(UPDATED);
            assertThat(givenUp.giveUpAnnounced()).as("that release told its listener; not announced again").isTrue();
            assertThat(outbox.find("refused-live").orElseThrow().gaveUpAt()).isNull();
            assertThat(outbox.find("pending").orElseThrow().gaveUpAt()).isNull();
            assertThat(outbox.summary(UPDATED)).isEqualTo(new OutboxSummary(1, UPDATED, UPDATED, 1, UPDATED));
            assertThat(outbox.unannouncedGiveUps(Duration.ZERO, 10)).isEmpty();

            OutboxEntry pending = outbox.find("pending").orElseThrow();
            outbox.update(pending.giveUp("INTERNAL_SERVER_ERROR", Instant.now()));
            upgraded.schemaInstaller().install();
            assertThat(outbox.unannouncedGiveUps(Duration.ZERO, 10)).as("installing again changes no new give-up")
                    .extracting(OutboxEntry::id).containsExactly("pending");
        }
    }

    private static void insert(SariJdbc jdbc, String id, String state, int attempts) {
        jdbc.jdbi().useHandle(h -> h.createUpdate("INSERT INTO " + jdbc.tablePrefix() + "enrollment_outbox (id,"
                        + " operation_id, tenant_id, action, course_id, faber_id, birthdate, state, attempts,"
                        + " next_attempt_at, last_error_code, created_at, updated_at) VALUES (:id, :op, 'school-1',"
                        + " 'UNENROLL', 61, '001234567', NULL, :state, :attempts, :at, 'INTERNAL_SERVER_ERROR', :at, :at)")
                .bind("id", id).bind("op", "op-" + id).bind("state", state).bind("attempts", attempts)
                .bind("at", OffsetDateTime.ofInstant(UPDATED, ZoneOffset.UTC)).execute());
    }

    private static void shutdown(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot shut H2 down", e);
        }
    }

    /** An empty database of a dialect: H2 in memory or a fresh database on the embedded PostgreSQL. */
    private record Upgradable(DataSource dataSource, Runnable closer) implements AutoCloseable {
        static Upgradable of(Dialect dialect) {
            if (dialect == Dialect.H2) {
                JdbcDataSource h2 = OutboxDatabases.newH2();
                return new Upgradable(h2, () -> shutdown(h2));
            }
            EmbeddedPostgresServer.Database pg = EmbeddedPostgresServer.newDatabase();
            return new Upgradable(pg.pooled(), pg::close);
        }

        @Override
        public void close() {
            closer.run();
        }
    }
}
