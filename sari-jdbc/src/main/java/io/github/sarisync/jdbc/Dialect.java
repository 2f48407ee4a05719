package io.github.sarisync.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases sari-jdbc supports. Each has its schema, the migrations in {@code db/migration/sari/<name>/},
 * and the statements whose SQL differs there, {@code io/github/sarisync/jdbc/statements-<name>.sql}
 * (beside {@code statements.sql}, which holds those that are the same everywhere).
 */
public enum Dialect {
    /** PostgreSQL 14 or later. */
    POSTGRESQL("postgresql"),
    /** H2 2.x, the embedded default. */
    H2("h2");

    private final String resourceSuffix;

    Dialect(String resourceSuffix) {
        this.resourceSuffix = resourceSuffix;
    }

    /** The name used in resource names: {@code postgresql} or {@code h2}. */
    public String resourceSuffix() {
        return resourceSuffix;
    }

    /** True for a database that runs inside the application (schema installed by default). */
    public boolean isEmbedded() {
        return this == H2;
    }

    /**
     * The dialect of the database behind {@code dataSource}, from its connection metadata.
     *
     * @throws IllegalArgumentException naming the product when the database is not supported
     * @throws IllegalStateException    when no connection can be opened
     */
    public static Dialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return detect(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a connection to detect the database: " + e.getMessage(), e);
        }
    }

    /** The dialect of the database {@code connection} is open to. */
    public static Dialect detect(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        return fromProductName(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
    }

    static Dialect fromProductName(String product, String version) {
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.equals("postgresql")) {
            return POSTGRESQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database '" + product + "' (version " + version
                + "): sari-jdbc supports PostgreSQL 14+ and H2 2.x; set SariJdbc.builder().dialect(...) only"
                + " for a database compatible with one of them");
    }
}
