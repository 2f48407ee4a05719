package io.github.sarisync.jdbc.outbox;

import io.github.sarisync.jdbc.Dialect;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.testkit.contract.EnrollmentOutboxContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** The outbox contract on a real PostgreSQL (embedded, started once for this class), schema from the Flyway migrations. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresEnrollmentOutboxTest extends EnrollmentOutboxContract {
    private EmbeddedPostgres postgres;
    private SariJdbc jdbc;

    @BeforeAll
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = OutboxDatabases.installedByMigrations(postgres.getPostgresDatabase(), Dialect.POSTGRESQL);
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    protected EnrollmentOutbox createOutbox() {
        OutboxDatabases.clear(jdbc);
        return jdbc.enrollmentOutbox();
    }

    @Override
    protected Instant storeNow() {
        return OutboxDatabases.databaseNow(jdbc);
    }

    @Override
    protected void passStoreTime(Duration duration) {
        OutboxDatabases.passClaimTime(jdbc, duration);
    }
}
