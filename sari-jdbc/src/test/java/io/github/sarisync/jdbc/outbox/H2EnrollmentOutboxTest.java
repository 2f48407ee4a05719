package io.github.sarisync.jdbc.outbox;

import io.github.sarisync.jdbc.Dialect;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.testkit.contract.EnrollmentOutboxContract;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/** The outbox contract on H2 2.x in memory, schema installed by SariJdbc (the shipped migrations). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2EnrollmentOutboxTest extends EnrollmentOutboxContract {
    private JdbcDataSource dataSource;
    private SariJdbc jdbc;

    @BeforeAll
    void openDatabase() {
        dataSource = OutboxDatabases.newH2();
        jdbc = OutboxDatabases.installedBySariJdbc(dataSource, Dialect.H2);
    }

    @AfterAll
    void closeDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
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
