package io.github.sarisync.jdbc;

import io.github.sarisync.testkit.SariSimulator;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * A database for one test class or test: H2 in memory, or a fresh database on the shared embedded
 * PostgreSQL, with the schema installed and a {@link SariJdbc} on it.
 */
final class TestDatabase implements AutoCloseable {
    static final TestCipher CIPHER = new TestCipher("k1");

    private final Dialect dialect;
    private final DataSource dataSource;
    private final DataSource direct;
    private final Closeable closer;
    private final SariJdbc jdbc;

    private TestDatabase(Dialect dialect, DataSource dataSource, DataSource direct, Closeable closer, String prefix) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.direct = direct;
        this.closer = closer;
        this.jdbc = SariJdbc.builder().hostPolicy(SariSimulator.hostPolicy())
                .dataSource(dataSource).tablePrefix(prefix).credentialsCipher(CIPHER)
                .initializeSchema(SchemaInitialization.ALWAYS).build();
    }

    static TestDatabase of(Dialect dialect) {
        return dialect == Dialect.H2 ? h2() : postgres();
    }

    /** A new H2 database in memory, gone when closed. */
    static TestDatabase h2() {
        JdbcDataSource ds = h2DataSource();
        return new TestDatabase(Dialect.H2, ds, ds, () -> shutdown(ds), "sari_");
    }

    private static void shutdown(DataSource ds) {
        try (Connection connection = ds.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot shut H2 down", e);
        }
    }

    static JdbcDataSource h2DataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:sari-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        ds.setUser("sa");
        return ds;
    }

    /** A new database on the shared embedded PostgreSQL. */
    static TestDatabase postgres() {
        EmbeddedPostgresServer.Database db = EmbeddedPostgresServer.newDatabase();
        return new TestDatabase(Dialect.POSTGRESQL, db.pooled(), db.direct(), db.pooled(), "sari_");
    }

    Dialect dialect() {
        return dialect;
    }

    SariJdbc jdbc() {
        return jdbc;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Another {@link SariJdbc} on the same data whose statements {@code probe} counts (pooled connections). */
    SariJdbc jdbcCountedBy(StatementProbe probe) {
        return jdbcOn(probe.wrap(dataSource));
    }

    /**
     * Another {@link SariJdbc} on the same data through {@code probe} on connections without pool, so
     * that a connection the probe kills is really closed and the database aborts its transaction.
     */
    SariJdbc jdbcDyingWith(StatementProbe probe) {
        return jdbcOn(probe.wrap(direct));
    }

    private SariJdbc jdbcOn(DataSource wrapped) {
        return SariJdbc.builder().hostPolicy(SariSimulator.hostPolicy())
                .dataSource(wrapped).dialect(dialect).tablePrefix(jdbc.tablePrefix())
                .credentialsCipher(CIPHER).initializeSchema(SchemaInitialization.NEVER).build();
    }

    /** Deletes every row of every table. */
    void clear() {
        jdbc.jdbi().useHandle(handle -> {
            for (String table : SchemaInstaller.TABLES) {
                handle.execute("DELETE FROM " + jdbc.tablePrefix() + table);
            }
        });
    }

    /** Rows in a table (name without prefix). */
    int count(String table) {
        return jdbc.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + jdbc.tablePrefix() + table)
                .mapTo(Integer.class).one());
    }

    /**
     * Lets time pass for the leases: the database's clock cannot be set, so every stored lease time
     * is moved back by {@code duration} instead, which is the same to the lease statements.
     */
    void letLeaseTimePass(Duration duration) {
        String table = jdbc.tablePrefix() + "locks";
        String sql = dialect == Dialect.H2
                ? "UPDATE " + table + " SET locked_at = DATEADD(MILLISECOND, -:ms, locked_at),"
                        + " expires_at = DATEADD(MILLISECOND, -:ms, expires_at)"
                : "UPDATE " + table + " SET locked_at = locked_at - :ms * INTERVAL '1 millisecond',"
                        + " expires_at = expires_at - :ms * INTERVAL '1 millisecond'";
        jdbc.jdbi().useHandle(h -> h.createUpdate(sql).bind("ms", duration.toMillis()).execute());
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot close test database", e);
        }
    }
}
