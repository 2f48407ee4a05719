package io.github.sarisync.examples.cli;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database of a command-line run: a plain {@link DataSource} (no pool: a CLI opens few
 * connections). For H2 one connection stays open for the whole run, so the database file is
 * opened once and not again for every statement.
 */
final class Database implements AutoCloseable {
    private final DataSource dataSource;
    private final Connection keepOpen;

    private Database(DataSource dataSource, Connection keepOpen) {
        this.dataSource = dataSource;
        this.keepOpen = keepOpen;
    }

    /**
     * Connects once to check the database is there.
     *
     * @throws CliException (exit 2) with a one-line reason when it cannot be reached
     */
    static Database open(CliConfig config) {
        DataSource dataSource = config.isH2() ? h2(config) : postgres(config);
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            throw CliException.config("cannot connect to the database " + describe(config.jdbcUrl()) + ": "
                    + firstLine(e.getMessage()), e);
        }
        if (config.isH2()) {
            return new Database(dataSource, connection);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw CliException.config("cannot use the database " + describe(config.jdbcUrl()) + ": "
                    + firstLine(e.getMessage()), e);
        }
        return new Database(dataSource, null);
    }

    DataSource dataSource() {
        return dataSource;
    }

    private static DataSource h2(CliConfig config) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(config.jdbcUrl());
        ds.setUser(config.jdbcUser());
        ds.setPassword(config.jdbcPassword());
        return ds;
    }

    private static DataSource postgres(CliConfig config) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setUrl(config.jdbcUrl());
        } catch (IllegalArgumentException e) {
            throw CliException.config("the JDBC URL " + describe(config.jdbcUrl()) + " is not valid for PostgreSQL: "
                    + firstLine(e.getMessage()), e);
        }
        if (config.jdbcUser() != null) {
            ds.setUser(config.jdbcUser());
        }
        if (!config.jdbcPassword().isEmpty()) {
            ds.setPassword(config.jdbcPassword());
        }
        ds.setConnectTimeout(10);
        return ds;
    }

    /** The URL without a password given in it. */
    static String describe(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int cut = message.indexOf('\n');
        String line = (cut < 0 ? message : message.substring(0, cut)).trim();
        // H2 appends the SQL state in brackets, which says nothing to a user
        return line.replaceAll("\\s*\\[\\d+-\\d+]$", "");
    }

    @Override
    public void close() {
        if (keepOpen != null) {
            try {
                keepOpen.close();
            } catch (SQLException e) {
                // closing at exit: nothing is left to protect
            }
        }
    }
}
