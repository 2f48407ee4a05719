package io.github.sarisync.jdbc.outbox;

import io.github.sarisync.jdbc.Dialect;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A database an older release set up (migrations V1 and V2) gets the claim columns from the schema installer. */
class OutboxSchemaUpgradeTest {

    @Test
    void theSchemaInstallerAddsTheClaimColumnsToAnOlderOutboxTableAndKeepsItsEntries() throws Exception {
        JdbcDataSource dataSource = OutboxDatabases.newH2();
        SariJdbc old = OutboxDatabases.installedByFirstMigrations(dataSource, Dialect.H2, 2);
        old.jdbi().useHandle(h -> h.execute("INSERT INTO sari_enrollment_outbox (id, operation_id, tenant_id, action,"
                + " course_id, faber_id, birthdate, state, attempts, next_attempt_at, last_error_code, created_at,"
                + " updated_at) VALUES ('e1', 'op-1', 'school-1', 'UNENROLL', 61, '001234567', NULL, 'PENDING', 1,"
                + " TIMESTAMP WITH TIME ZONE '2026-01-01 08:00:00Z', 'INTERNAL_SERVER_ERROR',"
                + " TIMESTAMP WITH TIME ZONE '2026-01-01 07:00:00Z', TIMESTAMP WITH TIME ZONE '2026-01-01 07:00:00Z')"));

        EnrollmentOutbox upgraded = OutboxDatabases.installedBySariJdbc(dataSource, Dialect.H2).enrollmentOutbox();

        OutboxEntry kept = upgraded.find("e1").orElseThrow();
        assertThat(kept.attempts()).isEqualTo(1);
        assertThat(kept.claimToken()).isNull();
        assertThat(kept.inFlight()).isFalse();
        List<OutboxEntry> claimed = upgraded.claimDue(Instant.parse("2026-01-02T00:00:00Z"), Duration.ofMinutes(5), 10);
        assertThat(claimed).extracting(OutboxEntry::id).containsExactly("e1");
        assertThat(upgraded.update(claimed.get(0).finish(OutboxState.SUCCEEDED, null, Instant.now()))).isTrue();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
