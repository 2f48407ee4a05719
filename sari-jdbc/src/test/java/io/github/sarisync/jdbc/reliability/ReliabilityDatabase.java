package io.github.sarisync.jdbc.reliability;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.jdbc.EmbeddedPostgresServer;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.jdbc.SchemaInitialization;
import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SimulatedSchool;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A fresh database on the shared embedded PostgreSQL for one reliability test, with the schema,
 * a {@link SariJdbc} on a pool, and the schools of a simulator registered as tenants (tenant id =
 * school id). Other processes reach it by {@link #jdbcUrl()} and decrypt the credentials with
 * {@link #CIPHER}.
 */
final class ReliabilityDatabase implements AutoCloseable {
    /** A fixed test key, so that a second JVM reads the credentials the test stored. */
    static final CredentialsCipher CIPHER = cipher();
    static final String USER = "postgres";

    private final EmbeddedPostgresServer.Database database;
    private final SariJdbc jdbc;

    private ReliabilityDatabase(EmbeddedPostgresServer.Database database) {
        this.database = database;
        this.jdbc = SariJdbc.builder().hostPolicy(SariSimulator.hostPolicy())
                .dataSource(database.pooled()).credentialsCipher(CIPHER)
                .initializeSchema(SchemaInitialization.ALWAYS).build();
    }

    static ReliabilityDatabase create() {
        return new ReliabilityDatabase(EmbeddedPostgresServer.newDatabase());
    }

    static CredentialsCipher cipher() {
        byte[] key = new byte[AesGcmCredentialsCipher.KEY_BYTES];
        Arrays.fill(key, (byte) 7);
        return AesGcmCredentialsCipher.builder().currentKey("reliability", key).build();
    }

    /** The stores on the test's own pool. */
    SariJdbc jdbc() {
        return jdbc;
    }

    /** Another {@link SariJdbc} on the same data through {@code dataSource} (e.g. a wrapper of {@link #direct()}). */
    SariJdbc jdbcOn(DataSource dataSource) {
        return SariJdbc.builder().hostPolicy(SariSimulator.hostPolicy())
                .dataSource(dataSource).credentialsCipher(CIPHER)
                .initializeSchema(SchemaInitialization.NEVER).build();
    }

    /** A DataSource that opens a real connection per call (no pool), so a closed connection is really gone. */
    DataSource direct() {
        return database.direct();
    }

    /** A pool of its own on the database, as another application instance would have (close it when done). */
    HikariDataSource newPool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    String jdbcUrl() {
        return database.pooled().getJdbcUrl();
    }

    /** Registers every school as an enabled tenant with its id, talking to {@code sari}. */
    void registerTenants(SariSimulator sari, List<SimulatedSchool> schools) {
        for (SimulatedSchool school : schools) {
            jdbc.tenantStore().save(Tenant.of(school.id(), "School " + school.id(), sari.baseUri()),
                    school.credentials());
        }
    }

    /**
     * Lets time pass for the leases: the database's clock cannot be set, so every stored lease time
     * is moved back by {@code duration} instead, which is the same to the lease statements.
     */
    void letLeaseTimePass(Duration duration) {
        jdbc.jdbi().useHandle(h -> h.createUpdate("UPDATE " + jdbc.tablePrefix() + "locks"
                        + " SET locked_at = locked_at - :ms * INTERVAL '1 millisecond',"
                        + " expires_at = expires_at - :ms * INTERVAL '1 millisecond'")
                .bind("ms", duration.toMillis()).execute());
    }

    /** The single number a query answers. */
    long number(String sql) {
        return jdbc.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** The texts a query answers, one per row. */
    List<String> texts(String sql) {
        return jdbc.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    @Override
    public void close() {
        database.close();
    }
}
